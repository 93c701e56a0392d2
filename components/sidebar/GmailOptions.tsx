import type { ThreadPanelModel } from '../../lib/ui/thread-panel-model';
import { t } from '../../lib/i18n/i18n';

/** Auto-log and the user's own addresses, changeable from the Gmail sidebar. */
export function GmailOptions({ model }: { model: ThreadPanelModel }) {
  const options = model.options.value;
  return (
    <details
      class="ll-options"
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open && !options) void model.loadOptions();
      }}
    >
      <summary>{t('gmail_options')}</summary>
      {options && (
        <>
          <label class="ll-row">
            <input
              type="checkbox"
              checked={options.autoLog}
              onChange={(e) => void model.saveOptions({ autoLog: (e.currentTarget as HTMLInputElement).checked })}
            />
            {t('gmail_auto_log')}
          </label>
          <label class="ll-field">
            <span>{t('gmail_own_addresses')}</span>
            <input
              value={options.ownEmails}
              placeholder={t('gmail_own_addresses_example')}
              onChange={(e) => void model.saveOptions({ ownEmails: (e.currentTarget as HTMLInputElement).value })}
            />
          </label>
        </>
      )}
    </details>
  );
}

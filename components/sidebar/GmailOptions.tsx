import type { ThreadPanelModel } from '../../lib/ui/thread-panel-model';

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
      <summary>Gmail options</summary>
      {options && (
        <>
          <label class="ll-row">
            <input
              type="checkbox"
              checked={options.autoLog}
              onChange={(e) => void model.saveOptions({ autoLog: (e.currentTarget as HTMLInputElement).checked })}
            />
            Auto-log threads with my leads
          </label>
          <label class="ll-field">
            <span>My addresses (besides the signed-in one)</span>
            <input
              value={options.ownEmails}
              placeholder="me@work.com, me@other.com"
              onChange={(e) => void model.saveOptions({ ownEmails: (e.currentTarget as HTMLInputElement).value })}
            />
          </label>
        </>
      )}
    </details>
  );
}

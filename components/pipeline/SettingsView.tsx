import type { Settings } from '../../lib/settings/settings';
import { LANGUAGES, type Language } from '../../lib/settings/languages';
import type { PipelineModel } from '../../lib/ui/pipeline-model';
import { ErrorText } from '../shared/ErrorText';
import { SyncSettings } from './SyncSettings';
import { stageLabel } from '../../lib/i18n/labels';
import { languageName, t, type MessageKey } from '../../lib/i18n/i18n';

/** Stages (name, order, probability, rotting days), temperature thresholds, own addresses, auto-log, currency, language. */
export function SettingsView({ model }: { model: PipelineModel }) {
  const sm = model.settingsDraft.value;
  if (!sm) return null;
  const draft = sm.draft.value;
  const number = (e: Event) => Number((e.currentTarget as HTMLInputElement).value);
  const threshold = (key: keyof Settings['thresholds'], label: MessageKey) => (
    <label class="ll-field">
      <span>{t(label)}</span>
      <input type="number" min="1" value={draft.thresholds[key]} onInput={(e) => sm.setThreshold(key, number(e))} />
    </label>
  );
  const save = async (e: Event) => {
    e.preventDefault();
    const stored = await sm.save();
    if (stored) model.settings.value = stored;
  };

  return (
    <>
      <form class="ll-settings" aria-label={t('view_settings')} onSubmit={(e) => void save(e)}>
        <h2>{t('settings_language')}</h2>
        <label class="ll-field">
          <span>{t('settings_language_label')}</span>
          <select
            value={draft.language ?? ''}
            onChange={(e) => sm.set({ language: ((e.currentTarget as HTMLSelectElement).value || null) as Language | null })}
          >
            <option value="">{t('settings_language_browser')}</option>
            {LANGUAGES.map((lang) => (
              <option value={lang} key={lang} lang={lang.replace('_', '-')}>
                {languageName(lang)}
              </option>
            ))}
          </select>
        </label>

        <h2>{t('settings_stages')}</h2>
        <p class="ll-muted">{t('settings_stages_intro')}</p>
        <table class="ll-table">
          <thead>
            <tr>
              <th scope="col">{t('settings_col_name')}</th>
              <th scope="col">{t('settings_col_probability')}</th>
              <th scope="col">{t('settings_col_rotting')}</th>
              <th scope="col">{t('settings_col_order')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {draft.stages.map((s, i) => {
              const name = stageLabel(s);
              return (
                <tr key={s.id}>
                  <td>
                    <input
                      aria-label={t('settings_stage_name', { n: i + 1 })}
                      value={name}
                      required
                      maxLength={60}
                      onInput={(e) => sm.renameStage(i, (e.currentTarget as HTMLInputElement).value, stageLabel({ id: s.id, name: null }))}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={t('settings_stage_probability', { stage: name })}
                      type="number"
                      min="0"
                      max="100"
                      value={Math.round(s.probability * 100)}
                      onInput={(e) => sm.setStage(i, { probability: number(e) / 100 })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={t('settings_stage_rotting', { stage: name })}
                      type="number"
                      min="1"
                      value={s.rottingDays}
                      onInput={(e) => sm.setStage(i, { rottingDays: number(e) })}
                    />
                  </td>
                  <td>
                    <button type="button" aria-label={t('settings_stage_up', { stage: name })} disabled={i === 0} onClick={() => sm.moveStage(i, -1)}>
                      ↑
                    </button>
                    <button
                      type="button"
                      aria-label={t('settings_stage_down', { stage: name })}
                      disabled={i === draft.stages.length - 1}
                      onClick={() => sm.moveStage(i, 1)}
                    >
                      ↓
                    </button>
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-label={t('settings_stage_delete', { stage: name })}
                      disabled={draft.stages.length <= 2}
                      onClick={() => sm.deleteStage(i)}
                    >
                      {t('common_delete')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <button type="button" onClick={() => sm.addStage(t('settings_new_stage'))}>
          {t('settings_add_stage', { won: stageLabel(draft.stages[draft.stages.length - 1]!) })}
        </button>

        <h2>{t('settings_temperature')}</h2>
        <div class="ll-grid">
          {threshold('salesCycleDays', 'settings_sales_cycle')}
          {threshold('hotReplyDays', 'settings_hot_reply')}
          {threshold('warmEngagedDays', 'settings_warm_engaged')}
          {threshold('ghostingAttempts', 'settings_ghosting')}
        </div>

        <h2>{t('settings_gmail_money')}</h2>
        <div class="ll-grid">
          <label class="ll-field">
            <span>{t('settings_own_emails')}</span>
            <input
              value={sm.emails.value}
              placeholder={t('settings_own_emails_example')}
              onInput={(e) => (sm.emails.value = (e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <label class="ll-field ll-check">
            <input type="checkbox" checked={draft.autoLog} onChange={(e) => sm.set({ autoLog: (e.currentTarget as HTMLInputElement).checked })} />
            <span>{t('settings_auto_log')}</span>
          </label>
          <label class="ll-field">
            <span>{t('settings_currency')}</span>
            <input
              value={draft.currency}
              maxLength={3}
              size={4}
              onInput={(e) => sm.set({ currency: (e.currentTarget as HTMLInputElement).value.toUpperCase() })}
            />
          </label>
        </div>
        <button type="submit" class="ll-primary ll-inline" disabled={sm.busy.value}>
          {t('settings_save')}
        </button>
        <ErrorText error={sm.error.value} />
        <p role="status">{sm.saved.value && !sm.error.value ? t('settings_saved') : ''}</p>
      </form>
      {model.sync && <SyncSettings model={model.sync} />}
    </>
  );
}

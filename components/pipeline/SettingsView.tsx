import type { Settings } from '../../lib/settings/settings';
import type { PipelineModel } from '../../lib/ui/pipeline-model';
import { ErrorText } from '../shared/ErrorText';

/** Stages (name, order, probability, rotting days), temperature thresholds, own addresses, auto-log, currency. */
export function SettingsView({ model }: { model: PipelineModel }) {
  const sm = model.settingsDraft.value;
  if (!sm) return null;
  const draft = sm.draft.value;
  const number = (e: Event) => Number((e.currentTarget as HTMLInputElement).value);
  const threshold = (key: keyof Settings['thresholds'], label: string) => (
    <label class="ll-field">
      <span>{label}</span>
      <input type="number" min="1" value={draft.thresholds[key]} onInput={(e) => sm.setThreshold(key, number(e))} />
    </label>
  );
  const save = async (e: Event) => {
    e.preventDefault();
    const stored = await sm.save();
    if (stored) model.settings.value = stored;
  };

  return (
    <form class="ll-settings" aria-label="Settings" onSubmit={(e) => void save(e)}>
      <h2>Stages</h2>
      <p class="ll-muted">In funnel order; the last stage is Won. Lost and Later always exist. A stage that still holds leads cannot be deleted.</p>
      <table class="ll-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Win probability (%)</th>
            <th scope="col">Rotting after (days)</th>
            <th scope="col">Order</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {draft.stages.map((s, i) => (
            <tr key={s.id}>
              <td>
                <input
                  aria-label={`Name of stage ${i + 1}`}
                  value={s.name}
                  required
                  maxLength={60}
                  onInput={(e) => sm.setStage(i, { name: (e.currentTarget as HTMLInputElement).value })}
                />
              </td>
              <td>
                <input
                  aria-label={`Win probability of ${s.name} (%)`}
                  type="number"
                  min="0"
                  max="100"
                  value={Math.round(s.probability * 100)}
                  onInput={(e) => sm.setStage(i, { probability: number(e) / 100 })}
                />
              </td>
              <td>
                <input
                  aria-label={`Rotting days of ${s.name}`}
                  type="number"
                  min="1"
                  value={s.rottingDays}
                  onInput={(e) => sm.setStage(i, { rottingDays: number(e) })}
                />
              </td>
              <td>
                <button type="button" aria-label={`Move ${s.name} up`} disabled={i === 0} onClick={() => sm.moveStage(i, -1)}>
                  ↑
                </button>
                <button type="button" aria-label={`Move ${s.name} down`} disabled={i === draft.stages.length - 1} onClick={() => sm.moveStage(i, 1)}>
                  ↓
                </button>
              </td>
              <td>
                <button type="button" aria-label={`Delete stage ${s.name}`} disabled={draft.stages.length <= 2} onClick={() => sm.deleteStage(i)}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => sm.addStage('New stage')}>
        Add a stage before Won
      </button>

      <h2>Temperature</h2>
      <div class="ll-grid">
        {threshold('salesCycleDays', 'Sales cycle (days without contact before a lead cools)')}
        {threshold('hotReplyDays', 'A reply within this many days makes a lead hot')}
        {threshold('warmEngagedDays', 'Engagement within this many days keeps a lead warm')}
        {threshold('ghostingAttempts', 'Unanswered attempts before a lead counts as ghosting')}
      </div>

      <h2>Gmail and money</h2>
      <div class="ll-grid">
        <label class="ll-field">
          <span>Your own email addresses</span>
          <input
            value={sm.emails.value}
            placeholder="me@company.com, me@gmail.com"
            onInput={(e) => (sm.emails.value = (e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label class="ll-field ll-check">
          <input type="checkbox" checked={draft.autoLog} onChange={(e) => sm.set({ autoLog: (e.currentTarget as HTMLInputElement).checked })} />
          <span>Log emails automatically when I open a thread with a known lead</span>
        </label>
        <label class="ll-field">
          <span>Currency (ISO code)</span>
          <input
            value={draft.currency}
            maxLength={3}
            size={4}
            onInput={(e) => sm.set({ currency: (e.currentTarget as HTMLInputElement).value.toUpperCase() })}
          />
        </label>
      </div>
      <button type="submit" class="ll-primary ll-inline" disabled={sm.busy.value}>
        Save settings
      </button>
      <ErrorText error={sm.error.value} />
      <p role="status">{sm.saved.value && !sm.error.value ? 'Settings saved.' : ''}</p>
    </form>
  );
}

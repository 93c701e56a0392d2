import { signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type { StageDef } from '../../lib/pipeline/model';
import type { Settings } from '../../lib/settings/settings';
import type { PipelineModel } from '../../lib/ui/pipeline-model';
import { runBusy } from '../../lib/ui/run-busy';

const busy = signal(false);
const error = signal<string | null>(null);
const saved = signal(false);

const slug = (name: string, taken: string[]) => {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 30) || 'stage';
  let id = base;
  for (let n = 2; taken.includes(id) || id === 'lost' || id === 'later'; n++) id = `${base}-${n}`;
  return id;
};

/** Stages (name, order, probability, rotting days), temperature thresholds, own addresses, auto-log, currency. */
export function SettingsView({ model }: { model: PipelineModel }) {
  const current = model.settings.value!;
  const [draft, setDraft] = useState<Settings>(() => structuredClone(current));
  const [emails, setEmails] = useState(current.ownEmails.join(', '));
  useEffect(() => {
    setDraft(structuredClone(current));
    setEmails(current.ownEmails.join(', '));
  }, [current]);

  const setStage = (i: number, change: Partial<StageDef>) => setDraft({ ...draft, stages: draft.stages.map((s, j) => (j === i ? { ...s, ...change } : s)) });
  const moveStage = (i: number, by: number) => {
    const stages = [...draft.stages];
    const [s] = stages.splice(i, 1);
    stages.splice(i + by, 0, s!);
    setDraft({ ...draft, stages });
  };
  const number = (e: Event) => Number((e.currentTarget as HTMLInputElement).value);
  const threshold = (key: keyof Settings['thresholds'], label: string) => (
    <label class="ll-field">
      <span>{label}</span>
      <input type="number" min="1" value={draft.thresholds[key]} onInput={(e) => setDraft({ ...draft, thresholds: { ...draft.thresholds, [key]: number(e) } })} />
    </label>
  );

  const save = (e: Event) => {
    e.preventDefault();
    saved.value = false;
    void runBusy(busy, error, async () => {
      const ownEmails = emails
        .split(/[\s,;]+/)
        .map((x) => x.trim())
        .filter(Boolean);
      model.settings.value = await model.send('settings.save', { ...draft, ownEmails });
      saved.value = true;
    });
  };

  return (
    <form class="ll-settings" aria-label="Settings" onSubmit={save}>
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
                <input aria-label={`Name of stage ${i + 1}`} value={s.name} required maxLength={60} onInput={(e) => setStage(i, { name: (e.currentTarget as HTMLInputElement).value })} />
              </td>
              <td>
                <input
                  aria-label={`Win probability of ${s.name} (%)`}
                  type="number"
                  min="0"
                  max="100"
                  value={Math.round(s.probability * 100)}
                  onInput={(e) => setStage(i, { probability: number(e) / 100 })}
                />
              </td>
              <td>
                <input aria-label={`Rotting days of ${s.name}`} type="number" min="1" value={s.rottingDays} onInput={(e) => setStage(i, { rottingDays: number(e) })} />
              </td>
              <td>
                <button type="button" aria-label={`Move ${s.name} up`} disabled={i === 0} onClick={() => moveStage(i, -1)}>
                  ↑
                </button>
                <button type="button" aria-label={`Move ${s.name} down`} disabled={i === draft.stages.length - 1} onClick={() => moveStage(i, 1)}>
                  ↓
                </button>
              </td>
              <td>
                <button type="button" aria-label={`Delete stage ${s.name}`} disabled={draft.stages.length <= 2} onClick={() => setDraft({ ...draft, stages: draft.stages.filter((_, j) => j !== i) })}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() => {
          const stages = [...draft.stages];
          const name = 'New stage';
          stages.splice(stages.length - 1, 0, { id: slug(name, stages.map((s) => s.id)), name, probability: 0.5, rottingDays: 14 });
          setDraft({ ...draft, stages });
        }}
      >
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
          <input value={emails} placeholder="me@company.com, me@gmail.com" onInput={(e) => setEmails((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label class="ll-field ll-check">
          <input type="checkbox" checked={draft.autoLog} onChange={(e) => setDraft({ ...draft, autoLog: (e.currentTarget as HTMLInputElement).checked })} />
          <span>Log emails automatically when I open a thread with a known lead</span>
        </label>
        <label class="ll-field">
          <span>Currency (ISO code)</span>
          <input value={draft.currency} maxLength={3} size={4} onInput={(e) => setDraft({ ...draft, currency: (e.currentTarget as HTMLInputElement).value.toUpperCase() })} />
        </label>
      </div>
      <button type="submit" class="ll-primary ll-inline" disabled={busy.value}>
        Save settings
      </button>
      {error.value && (
        <p class="ll-error" role="alert">
          {error.value}
        </p>
      )}
      <p role="status">{saved.value && !error.value ? 'Settings saved.' : ''}</p>
    </form>
  );
}

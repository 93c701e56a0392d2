import { signal } from '@preact/signals';
import { TARGETS, TARGET_LABELS, type Target } from '../../lib/import/csv';
import { ImportModel } from '../../lib/ui/import-model';
import type { PipelineModel } from '../../lib/ui/pipeline-model';
import { download } from '../../lib/ui/download';
import { runBusy } from '../../lib/ui/run-busy';
import { openLeadlineDb, type Db } from '../../lib/db/schema';
import { exportBackup, parseBackup, restoreBackup } from '../../lib/db/backup';

let importModel: ImportModel | null = null;
const backupBusy = signal(false);
const backupError = signal<string | null>(null);
const backupDone = signal<string | null>(null);
let db: Promise<Db> | null = null;
// Backup and restore move whole stores: they use the extension's database directly (this page
// shares the background's origin), as one read snapshot or one all-or-nothing write.
const database = () => (db ??= openLeadlineDb());

/** CSV import with column mapping and progress; JSON backup and restore. */
export function DataView({ model }: { model: PipelineModel }) {
  const im = (importModel ??= new ImportModel(model.send));
  const file = im.file.value;
  const progress = im.progress.value;
  const result = im.result.value;
  const stages = model.settings.value!.stages;

  const backup = () =>
    runBusy(backupBusy, backupError, async () => {
      const { parts, leads, touchpoints } = await exportBackup(await database());
      download(`leadline-backup-${model.today}.json`, parts, 'application/json');
      backupDone.value = `Backup of ${leads} leads and ${touchpoints} touchpoints saved.`;
    });
  const restore = (input: HTMLInputElement) =>
    runBusy(backupBusy, backupError, async () => {
      const chosen = input.files?.[0];
      input.value = '';
      if (!chosen) return;
      backupDone.value = null;
      const parsed = parseBackup(await chosen.text());
      if (!confirm(`Replace your whole pipeline with the ${parsed.leads.length} leads of ${chosen.name}?`)) return;
      await restoreBackup(await database(), parsed);
      await model.send('data.replaced', {});
      backupDone.value = `Restored ${parsed.leads.length} leads and ${parsed.touchpoints.length} touchpoints from ${chosen.name}.`;
    });

  return (
    <section aria-label="Import and export">
      <h2>Import a CSV</h2>
      <p class="ll-muted">Files exported from HubSpot, Pipedrive or LinkedIn (Connections.csv) are mapped for you. A row whose email or LinkedIn URL you already have completes that lead instead of adding a second one.</p>
      <label class="ll-file">
        CSV file{' '}
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const f = (e.currentTarget as HTMLInputElement).files?.[0];
            if (f) void im.open(f);
          }}
        />
      </label>
      {im.error.value && (
        <p class="ll-error" role="alert">
          {im.error.value}
        </p>
      )}
      {file && (
        <form
          aria-label="Column mapping"
          onSubmit={(e) => {
            e.preventDefault();
            void im.run(stages);
          }}
        >
          <p>
            {file.name}: {file.csv.rows.length.toLocaleString()} rows.
          </p>
          <table class="ll-table ll-mapping">
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Example</th>
                <th scope="col">Import as</th>
              </tr>
            </thead>
            <tbody>
              {file.csv.headers.map((header, i) => (
                <tr key={i}>
                  <td>{header}</td>
                  <td class="ll-muted">{file.csv.rows[0]?.cells[i] ?? ''}</td>
                  <td>
                    <select aria-label={`Import column ${header} as`} value={im.mapping.value[i]} onChange={(e) => im.setTarget(i, (e.currentTarget as HTMLSelectElement).value as Target)}>
                      {TARGETS.map((t) => (
                        <option key={t} value={t}>
                          {TARGET_LABELS[t]}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" class="ll-primary ll-inline" disabled={progress !== null && result === null}>
            Import {file.csv.rows.length.toLocaleString()} rows
          </button>
        </form>
      )}
      {progress && (
        <p>
          <progress max={progress.total || 1} value={progress.done} aria-label="Import progress" /> {progress.done.toLocaleString()} / {progress.total.toLocaleString()}
        </p>
      )}
      {result && (
        <div role="status" aria-label="Import result">
          <p data-testid="import-summary">
            {result.created} created, {result.merged} merged into existing leads, {result.errors.length} not imported.
          </p>
          {result.errors.length > 0 && (
            <table class="ll-table" aria-label="Rows not imported">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.slice(0, 500).map((e) => (
                  <tr key={e.line}>
                    <td>{e.line}</td>
                    <td>{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}

      <h2>Export</h2>
      <p class="ll-muted">The table view's “Export CSV” exports the filtered table.</p>

      <h2>Backup and restore</h2>
      <p class="ll-muted">A backup holds every lead, touchpoint and your settings. Restoring checks the whole file first and replaces everything in one step; a damaged or foreign file changes nothing.</p>
      <div class="ll-filters">
        <button type="button" onClick={() => void backup()} disabled={backupBusy.value}>
          Download backup (JSON)
        </button>
        <label class="ll-file">
          Restore from a backup{' '}
          <input type="file" accept=".json,application/json" disabled={backupBusy.value} onChange={(e) => void restore(e.currentTarget as HTMLInputElement)} />
        </label>
      </div>
      {backupError.value && (
        <p class="ll-error" role="alert">
          {backupError.value}
        </p>
      )}
      <p role="status" data-testid="backup-status">
        {backupDone.value}
      </p>
    </section>
  );
}

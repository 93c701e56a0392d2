import { TARGETS, TARGET_LABELS, type Target } from '../../lib/import/csv';
import { ENCODINGS, type Encoding } from '../../lib/import/encoding';
import { t, tn } from '../../lib/i18n/i18n';
import type { PipelineModel } from '../../lib/ui/pipeline-model';
import { ErrorText } from '../shared/ErrorText';
import { ImportPreview } from './ImportPreview';

const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1250': 'Windows-1250',
  'windows-1252': 'Windows-1252',
  'iso-8859-2': 'ISO-8859-2',
};

/** CSV import with column mapping and progress; JSON backup and restore. */
export function DataView({ model }: { model: PipelineModel }) {
  const im = model.imports;
  const backup = model.backup;
  const file = im.file.value;
  const csv = file?.csv ?? null;
  const progress = im.progress.value;
  const result = im.result.value;
  const stages = model.settings.value!.stages;

  return (
    <section aria-label="Import and export">
      <h2>Import a CSV</h2>
      <p class="ll-muted">
        Files exported from HubSpot, Pipedrive or LinkedIn (Connections.csv) are mapped for you. A row whose email or LinkedIn URL you already have completes
        that lead instead of adding a second one.
      </p>
      <label class="ll-file">
        CSV file{' '}
        <input
          type="file"
          accept=".csv,text/csv"
          disabled={im.running.value}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const f = input.files?.[0];
            // Cleared, so choosing the same file again (a re-run) is a change too.
            input.value = '';
            if (f) void im.open(f);
          }}
        />
      </label>
      <ErrorText error={im.error.value} />
      {file && (
        <p>
          <label>
            {t('importEncodingLabel')}{' '}
            <select
              value={file.encoding ?? ''}
              disabled={im.running.value}
              onChange={(e) => im.chooseEncoding((e.currentTarget as HTMLSelectElement).value as Encoding)}
            >
              {file.encoding === null && <option value="">{t('importEncodingChoose')}</option>}
              {ENCODINGS.map((enc) => (
                <option key={enc} value={enc}>
                  {ENCODING_NAMES[enc]}
                  {file.detection.encoding === enc ? ` (${t(file.detection.by === 'bom' ? 'importEncodingByBom' : 'importEncodingDetected')})` : ''}
                </option>
              ))}
            </select>
          </label>
        </p>
      )}
      {csv && (
        <form
          aria-label="Column mapping"
          onSubmit={(e) => {
            e.preventDefault();
            void im.run(stages);
          }}
        >
          <p>
            {file!.name}: {csv.rows.length.toLocaleString()} rows.
            {csv.problems.length > 0 && <> {tn('importLinesNotReadable', csv.problems.length)}</>}
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
              {csv.headers.map((header, i) => (
                <tr key={i}>
                  <td>{header}</td>
                  <td class="ll-muted">{csv.rows[0]?.cells[i] ?? ''}</td>
                  <td>
                    <select
                      aria-label={`Import column ${header} as`}
                      value={im.mapping.value[i]}
                      onChange={(e) => im.setTarget(i, (e.currentTarget as HTMLSelectElement).value as Target)}
                    >
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
          <ImportPreview headers={csv.headers} rows={im.preview()} />
          <button type="submit" class="ll-primary ll-inline" disabled={im.running.value}>
            Import {csv.rows.length.toLocaleString()} rows
          </button>
        </form>
      )}
      {progress && (
        <p>
          <progress max={progress.total || 1} value={progress.done} aria-label="Import progress" /> {progress.done.toLocaleString()} /{' '}
          {progress.total.toLocaleString()}
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
      <p class="ll-muted">
        A backup holds every lead, touchpoint and your settings. Restoring checks the whole file first and replaces everything in one step; a damaged or foreign
        file changes nothing.
      </p>
      <div class="ll-filters">
        <button type="button" onClick={() => void backup.backup(model.today)} disabled={backup.busy.value}>
          Download backup (JSON)
        </button>
        <label class="ll-file">
          Restore from a backup{' '}
          <input
            type="file"
            accept=".json,application/json"
            disabled={backup.busy.value}
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const chosen = input.files?.[0];
              input.value = '';
              if (chosen) void backup.restore(chosen, (message) => confirm(message));
            }}
          />
        </label>
      </div>
      <ErrorText error={backup.error.value} />
      <p role="status" data-testid="backup-status">
        {backup.done.value}
      </p>
    </section>
  );
}

import { TARGETS, type Target } from '../../lib/import/csv';
import type { PipelineModel } from '../../lib/ui/pipeline-model';
import { ErrorText } from '../shared/ErrorText';
import { formatNumber, t, textOf, tn, type MessageKey } from '../../lib/i18n/i18n';

/** What a CSV column can be imported as. */
const TARGET_LABELS: Record<Target, MessageKey> = {
  ignore: 'target_ignore',
  name: 'target_name',
  firstName: 'target_first_name',
  lastName: 'target_last_name',
  email: 'target_email',
  company: 'target_company',
  headline: 'target_headline',
  location: 'target_location',
  linkedinUrl: 'target_linkedin_url',
  dealValue: 'target_deal_value',
  stage: 'target_stage',
  tags: 'target_tags',
  notes: 'target_notes',
};

/** CSV import with column mapping and progress; JSON backup and restore. */
export function DataView({ model }: { model: PipelineModel }) {
  const im = model.imports;
  const backup = model.backup;
  const file = im.file.value;
  const progress = im.progress.value;
  const result = im.result.value;
  const stages = model.settings.value!.stages;

  return (
    <section aria-label={t('data_label')}>
      <h2>{t('import_title')}</h2>
      <p class="ll-muted">{t('import_intro')}</p>
      <label class="ll-file">
        {t('import_file')}{' '}
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const f = (e.currentTarget as HTMLInputElement).files?.[0];
            if (f) void im.open(f);
          }}
        />
      </label>
      <ErrorText error={im.error.value} />
      {file && (
        <form
          aria-label={t('import_mapping')}
          onSubmit={(e) => {
            e.preventDefault();
            void im.run(stages);
          }}
        >
          <p>{t('import_file_rows', { file: file.name, rows: tn('rows', file.csv.rows.length) })}</p>
          <table class="ll-table ll-mapping">
            <thead>
              <tr>
                <th scope="col">{t('import_col_column')}</th>
                <th scope="col">{t('import_col_example')}</th>
                <th scope="col">{t('import_col_as')}</th>
              </tr>
            </thead>
            <tbody>
              {file.csv.headers.map((header, i) => (
                <tr key={i}>
                  <td>{header}</td>
                  <td class="ll-muted">{file.csv.rows[0]?.cells[i] ?? ''}</td>
                  <td>
                    <select
                      aria-label={t('import_column_as', { column: header })}
                      value={im.mapping.value[i]}
                      onChange={(e) => im.setTarget(i, (e.currentTarget as HTMLSelectElement).value as Target)}
                    >
                      {TARGETS.map((target) => (
                        <option key={target} value={target}>
                          {t(TARGET_LABELS[target])}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" class="ll-primary ll-inline" disabled={progress !== null && result === null}>
            {tn('import_run', file.csv.rows.length)}
          </button>
        </form>
      )}
      {progress && (
        <p>
          <progress max={progress.total || 1} value={progress.done} aria-label={t('import_progress')} /> {formatNumber(progress.done)} /{' '}
          {formatNumber(progress.total)}
        </p>
      )}
      {result && (
        <div role="status" aria-label={t('import_result')}>
          <p data-testid="import-summary">
            {t('import_summary', {
              created: tn('import_created', result.created),
              merged: tn('import_merged', result.merged),
              failed: tn('import_failed', result.errors.length),
            })}
          </p>
          {result.errors.length > 0 && (
            <table class="ll-table" aria-label={t('import_errors')}>
              <thead>
                <tr>
                  <th scope="col">{t('import_col_line')}</th>
                  <th scope="col">{t('import_col_reason')}</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.slice(0, 500).map((e) => (
                  <tr key={e.line}>
                    <td>{e.line}</td>
                    <td>{textOf(e.reason)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}

      <h2>{t('export_title')}</h2>
      <p class="ll-muted">{t('export_intro', { button: t('table_export') })}</p>

      <h2>{t('backup_title')}</h2>
      <p class="ll-muted">{t('backup_intro')}</p>
      <div class="ll-filters">
        <button type="button" onClick={() => void backup.backup(model.today)} disabled={backup.busy.value}>
          {t('backup_download')}
        </button>
        <label class="ll-file">
          {t('backup_restore')}{' '}
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
        {textOf(backup.done.value)}
      </p>
    </section>
  );
}

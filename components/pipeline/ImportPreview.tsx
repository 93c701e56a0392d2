import { t } from '../../lib/i18n/i18n';

/** The first rows of a CSV file as they will be read: names must read right before anything is imported. */
export function ImportPreview({ headers, rows }: { headers: string[]; rows: { line: number; cells: string[] }[] }) {
  if (rows.length === 0) return null;
  return (
    <div class="ll-table-scroll">
      <table class="ll-table" aria-label={t('import_preview_label')}>
        <caption class="ll-muted">{t('import_preview_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import_col_line')}</th>
            {headers.map((h, i) => (
              <th scope="col" key={i}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line}>
              <td>{row.line}</td>
              {headers.map((_, i) => (
                <td key={i}>{row.cells[i] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { InsightsTable } from '../../lib/ui/insights-tables';

/** One of the view's tables: a caption (for screen readers; a heading or chart names it on screen), column headers, and each row named by its first cell. */
export function InsightsTableView({ table, id }: { table: InsightsTable; id?: string }) {
  return (
    <div class="ll-insights-table" id={id}>
      <table class="ll-table" data-table={table.id}>
        <caption class="ll-sr">{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((column, i) => (
              <th key={i} scope="col" class={table.numeric[i] ? 'll-num' : undefined}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} class={table.numeric[i] ? 'll-num' : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { ComponentChildren } from 'preact';
import { t } from '../../lib/i18n/i18n';
import type { InsightsModel } from '../../lib/ui/insights-model';
import type { InsightsTable } from '../../lib/ui/insights-tables';
import { InsightsTableView } from './InsightsTableView';

/**
 * A chart with its table behind it: the table is always in the page for screen readers and is
 * shown on request ("Show table"), so every figure drawn can also be read.
 */
export function InsightsChartBlock({ model, table, children }: { model: InsightsModel; table: InsightsTable; children: ComponentChildren }) {
  const open = model.openTables.value.has(table.id);
  const tableId = `ll-insights-table-${table.id}`;
  return (
    <div class="ll-chart-block">
      {children}
      <button type="button" class="ll-link-button" aria-expanded={open} aria-controls={tableId} onClick={() => model.toggleTable(table.id)}>
        {open ? t('insights_hide_table') : t('insights_show_table')}
      </button>
      <div class={open ? undefined : 'll-sr'}>
        <InsightsTableView table={table} id={tableId} />
      </div>
    </div>
  );
}

import type { AccountsModel } from '../../lib/ui/accounts-model';
import { ACCOUNTS_PAGE } from '../../lib/ui/accounts-model';
import type { AccountSort } from '../../lib/pipeline/company';
import type { CompanyRow, CompanyView } from '../../lib/messaging/protocol';
import type { StageDef } from '../../lib/pipeline/model';
import { stageLabel } from '../../lib/i18n/labels';
import { formatMoney, formatNumber, t, tn, type MessageKey } from '../../lib/i18n/i18n';
import { ErrorText } from '../shared/ErrorText';

const COLUMNS: { key: AccountSort; label: MessageKey }[] = [
  { key: 'name', label: 'table_col_company' },
  { key: 'people', label: 'accounts_col_people' },
  { key: 'value', label: 'field_deal_value' },
];

/** Stage counts in funnel order ("Prospect 2 · Proposal 1"), Lost and Later last. */
function stageSummary(counts: Record<string, number>, stages: StageDef[]): string {
  const order = [...stages.map((s) => s.id), 'lost', 'later'];
  return Object.keys(counts)
    .sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99))
    .map((id) => `${stageLabel(id, stages)} ${formatNumber(counts[id]!)}`)
    .join(' · ');
}

/** Deal values per currency ("$5,100 + €70"); a dash when no person has one. */
function totalText(values: Record<string, number>): string {
  const parts = Object.entries(values).map(([currency, amount]) => formatMoney(amount, currency));
  return parts.length ? parts.join(' + ') : '–';
}

/** Companies with their people, stages and total deal value, sortable, a page at a time. */
export function AccountsView({ model, stages, onOpenLead }: { model: AccountsModel; stages: StageDef[]; onOpenLead: (id: string) => void }) {
  const rows = model.rows.value;
  const total = model.total.value;
  const offset = model.offset.value;
  const open = model.open.value;
  return (
    <section aria-label={t('view_accounts')} class="ll-accounts">
      <div class="ll-table-actions">
        <span data-testid="accounts-total">{tn('accounts_companies', total)}</span>
        {total > ACCOUNTS_PAGE && (
          <>
            <button type="button" disabled={offset === 0} onClick={() => void model.page(-1)}>
              {t('accounts_page_previous')}
            </button>
            <span>{t('accounts_page_range', { from: offset + 1, to: Math.min(offset + ACCOUNTS_PAGE, total), total })}</span>
            <button type="button" disabled={offset + ACCOUNTS_PAGE >= total} onClick={() => void model.page(1)}>
              {t('accounts_page_next')}
            </button>
          </>
        )}
      </div>
      <ErrorText error={model.error.value} />
      <table class="ll-table" aria-label={t('view_accounts')}>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th scope="col" key={c.key} aria-sort={model.sort.value === c.key ? (model.desc.value ? 'descending' : 'ascending') : undefined}>
                <button type="button" class="ll-sort" onClick={() => void model.sortBy(c.key)}>
                  {t(c.label)}
                  {model.sort.value === c.key ? (model.desc.value ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            ))}
            <th scope="col">{t('accounts_col_stages')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <AccountRow key={row.id} row={row} stages={stages} open={open?.company.id === row.id ? open : null} model={model} onOpenLead={onOpenLead} />
          ))}
        </tbody>
      </table>
      {total === 0 && !model.loading.value && <p class="ll-empty-note">{t('accounts_empty')}</p>}
    </section>
  );
}

function AccountRow({
  row,
  stages,
  open,
  model,
  onOpenLead,
}: {
  row: CompanyRow;
  stages: StageDef[];
  open: CompanyView | null;
  model: AccountsModel;
  onOpenLead: (id: string) => void;
}) {
  const details = [row.domain, row.industry, row.headquarters].filter(Boolean).join(' · ');
  return (
    <>
      <tr data-company={row.id}>
        <td class="ll-cell-name">
          <button type="button" class="ll-link-button" aria-expanded={open !== null} onClick={() => void model.toggle(row.id)}>
            {row.name}
          </button>
          {details && <span class="ll-muted"> {details}</span>}
          {row.linkedinUrl && (
            <>
              {' '}
              <a href={row.linkedinUrl} target="_blank" rel="noreferrer">
                {t('company_linkedin_page')}
              </a>
            </>
          )}
        </td>
        <td class="ll-num">{row.stats.people}</td>
        <td class="ll-num">{totalText(row.stats.values)}</td>
        <td>{stageSummary(row.stats.stages, stages)}</td>
      </tr>
      {open && (
        <tr class="ll-account-people">
          <td colSpan={4}>
            {open.people.length === 0 ? (
              <p class="ll-muted">{t('accounts_no_people')}</p>
            ) : (
              <ul aria-label={t('accounts_people_of', { name: row.name })}>
                {open.people.map((p) => (
                  <li key={p.id}>
                    <a
                      href={`#lead=${encodeURIComponent(p.id)}`}
                      onClick={(e) => {
                        e.preventDefault();
                        onOpenLead(p.id);
                      }}
                    >
                      {p.name}
                    </a>{' '}
                    <span class="ll-muted">
                      {[p.headline, stageLabel(p.stage, stages), p.dealValue !== null ? formatMoney(p.dealValue, p.currency) : null]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </td>
        </tr>
      )}
    </>
  );
}

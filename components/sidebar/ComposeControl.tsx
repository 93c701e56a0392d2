import { t, tn } from '../../lib/i18n/i18n';
import type { ComposeModel } from '../../lib/ui/compose-model';
import { ErrorText } from '../shared/ErrorText';

/** The compose window's Leadline control: the "Log to Leadline" switch and the recipients who are leads. */
export function ComposeControl({ model }: { model: ComposeModel }) {
  const on = model.logOnSend.value;
  const rows = model.rows.value;
  const expanded = model.expanded.value;
  return (
    <div class={`ll-compose${expanded ? ' ll-compose-open' : ''}`}>
      {expanded && (
        <section class="ll-compose-list" aria-label={t('compose_recipients')}>
          <ul>
            {rows.map((row) => (
              <li key={row.email}>
                <span class="ll-compose-who" title={row.email}>
                  {row.lead ? row.lead.name : (row.name ?? row.email)}
                </span>
                {row.lead ? (
                  <span class="ll-muted">{t('compose_is_lead')}</span>
                ) : (
                  <button type="button" disabled={model.busy.value} onClick={() => void model.capture(row.email)}>
                    {t('capture_lead')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {rows.length === 0 && <p class="ll-muted">{t('compose_no_recipients')}</p>}
          <ErrorText error={model.error.value} />
        </section>
      )}
      <div class="ll-compose-bar">
        <button type="button" role="switch" aria-checked={on} class="ll-switch" onClick={() => model.toggleLog()}>
          <span class="ll-switch-track" aria-hidden="true" />
          {t('compose_log_to_leadline')}
        </button>
        <button type="button" class="ll-compose-count" aria-expanded={expanded} onClick={() => model.toggleExpanded()}>
          {tn('leads', model.leadCount.value)}
        </button>
      </div>
    </div>
  );
}

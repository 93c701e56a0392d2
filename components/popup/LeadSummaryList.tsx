import type { ComponentChildren } from 'preact';
import type { LeadSummary } from '../../lib/messaging/protocol';
import { formatDay, t } from '../../lib/i18n/i18n';

interface LeadSummaryListProps {
  leads: LeadSummary[];
  label: string;
  today?: string;
  onOpen: (lead: LeadSummary) => void;
  /** Buttons beside each lead (the due list's Done and Snooze). */
  actions?: (lead: LeadSummary) => ComponentChildren;
}

/** A short list of leads, each a button that opens the lead. */
export function LeadSummaryList({ leads, label, today, onOpen, actions }: LeadSummaryListProps) {
  return (
    <ul class="ll-leads" aria-label={label}>
      {leads.map((lead) => (
        <li key={lead.id}>
          <button type="button" onClick={() => onOpen(lead)}>
            <span class="ll-lead-name">{lead.name}</span>
            {lead.company && <span class="ll-lead-company"> · {lead.company}</span>}
            {today && lead.nextFollowUpOn && (
              <span class={lead.nextFollowUpOn < today ? 'll-overdue' : 'll-due-today'}>
                {' '}
                {lead.nextFollowUpOn < today ? t('due_overdue_since', { day: formatDay(lead.nextFollowUpOn) }) : t('due_today')}
              </span>
            )}
          </button>
          {actions?.(lead)}
        </li>
      ))}
    </ul>
  );
}

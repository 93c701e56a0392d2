import type { Lead } from '../../lib/pipeline/model';
import type { LeadPatch } from '../../lib/messaging/protocol';

interface LeadDetailsControlProps {
  lead: Lead;
  disabled: boolean;
  onChange: (patch: LeadPatch) => void;
}

/** Next follow-up date and deal value, saved when the field is left. */
export function LeadDetailsControl({ lead, disabled, onChange }: LeadDetailsControlProps) {
  return (
    <div class="ll-details">
      <label class="ll-row">
        <span>Next follow-up</span>
        <input
          type="date"
          value={lead.nextFollowUpOn ?? ''}
          disabled={disabled}
          onChange={(e) => onChange({ nextFollowUpOn: (e.currentTarget as HTMLInputElement).value || null })}
        />
      </label>
      <label class="ll-row">
        <span>Deal value ({lead.currency})</span>
        <input
          type="number"
          min="0"
          step="any"
          inputMode="decimal"
          value={lead.dealValue ?? ''}
          disabled={disabled}
          onChange={(e) => {
            const raw = (e.currentTarget as HTMLInputElement).value;
            onChange({ dealValue: raw === '' ? null : Number(raw) });
          }}
        />
      </label>
    </div>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { leadPatch } from '../../lib/messaging/protocol';
import type { Lead } from '../../lib/pipeline/model';
import type { LeadPatch } from '../../lib/messaging/protocol';
import { canonicalProfileUrl } from '../../lib/sites/linkedin/url';
import type { LeadCardModel } from '../../lib/ui/lead-card-model';

type Field = 'name' | 'headline' | 'company' | 'location' | 'linkedinUrl' | 'emails' | 'tags' | 'currency' | 'expectedCloseOn' | 'notes';

const LABELS: Record<Field, string> = {
  name: 'Name',
  headline: 'Headline',
  company: 'Company',
  location: 'Location',
  linkedinUrl: 'LinkedIn URL',
  emails: 'Emails',
  tags: 'Tags',
  currency: 'Currency',
  expectedCloseOn: 'Expected close',
  notes: 'Notes',
};

const list = (v: string) =>
  v
    .split(/[,;\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

function draftOf(lead: Lead): Record<Field, string> {
  return {
    name: lead.name,
    headline: lead.headline ?? '',
    company: lead.company ?? '',
    location: lead.location ?? '',
    linkedinUrl: lead.linkedinUrl ?? '',
    emails: lead.emails.join(', '),
    tags: lead.tags.join(', '),
    currency: lead.currency,
    expectedCloseOn: lead.expectedCloseOn ?? '',
    notes: lead.notes,
  };
}

/** Every descriptive field of a lead, checked as a whole before saving; errors sit beside their field. */
export function LeadEditForm({ card, lead }: { card: LeadCardModel; lead: Lead }) {
  const [draft, setDraft] = useState(() => draftOf(lead));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(draftOf(lead)), [lead.updatedAt]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    const url = draft.linkedinUrl.trim();
    const canonical = url ? canonicalProfileUrl(/^https?:\/\//i.test(url) ? url : `https://${url}`) : null;
    const patch = {
      name: draft.name,
      headline: draft.headline.trim() || null,
      company: draft.company.trim() || null,
      location: draft.location.trim() || null,
      linkedinUrl: url ? (canonical ?? url) : null,
      emails: list(draft.emails),
      tags: draft.tags
        .split(/[,;]/)
        .map((t) => t.trim())
        .filter(Boolean),
      currency: draft.currency.trim().toUpperCase(),
      expectedCloseOn: draft.expectedCloseOn || null,
      notes: draft.notes,
    };
    const parsed = leadPatch.safeParse(patch);
    if (!parsed.success) {
      const next: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as Field] ??= issue.message;
      setErrors(next);
      return;
    }
    setErrors({});
    if (await card.update(parsed.data as LeadPatch)) setSaved(true);
  };

  // The error sits outside the label, so the field's accessible name stays its label.
  const input = (field: Field, props: Record<string, unknown> = {}) => (
    <div class="ll-field" key={field}>
      <label class="ll-field">
        <span>{LABELS[field]}</span>
        <input
          value={draft[field]}
          aria-invalid={errors[field] ? 'true' : undefined}
          aria-describedby={errors[field] ? `err-${field}` : undefined}
          onInput={(e) => setDraft({ ...draft, [field]: (e.currentTarget as HTMLInputElement).value })}
          {...props}
        />
      </label>
      {errors[field] && (
        <span class="ll-error" id={`err-${field}`}>
          {errors[field]}
        </span>
      )}
    </div>
  );

  return (
    <form class="ll-edit" aria-label="Edit lead" onSubmit={(e) => void submit(e)} noValidate>
      <h3>Details</h3>
      {input('name', { required: true, maxLength: 200 })}
      {input('headline', { maxLength: 500 })}
      {input('company', { maxLength: 200 })}
      {input('location', { maxLength: 200 })}
      {input('linkedinUrl', { type: 'url', placeholder: 'https://www.linkedin.com/in/…' })}
      {input('emails', { placeholder: 'a@example.com, b@example.com' })}
      {input('tags', { placeholder: 'comma, separated' })}
      {input('currency', { maxLength: 3, size: 4 })}
      {input('expectedCloseOn', { type: 'date' })}
      <label class="ll-field">
        <span>Notes</span>
        <textarea rows={4} value={draft.notes} maxLength={20000} onInput={(e) => setDraft({ ...draft, notes: (e.currentTarget as HTMLTextAreaElement).value })} />
      </label>
      <button type="submit" class="ll-primary" disabled={card.busy.value}>
        Save details
      </button>
      <p role="status" class="ll-muted">
        {saved && !card.error.value ? 'Saved.' : ''}
      </p>
    </form>
  );
}

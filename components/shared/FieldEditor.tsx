import type { EditableField } from '../../lib/ui/lead-fields';
import type { LeadEditModel } from '../../lib/ui/lead-edit-model';
import { t, textOf, type MessageKey } from '../../lib/i18n/i18n';

export const FIELD_LABELS: Record<EditableField, MessageKey> = {
  name: 'field_name',
  owner: 'field_owner',
  headline: 'field_headline',
  company: 'field_company',
  location: 'field_location',
  linkedinUrl: 'field_linkedin_url',
  emails: 'field_emails',
  tags: 'field_tags',
  currency: 'field_currency',
  dealValue: 'field_deal_value',
  expectedCloseOn: 'field_expected_close',
  nextFollowUpOn: 'field_next_follow_up',
  notes: 'field_notes',
};

/** Placeholders: examples of the form a field takes (catalogue keys). */
const PLACEHOLDERS: Partial<Record<EditableField, MessageKey>> = {
  linkedinUrl: 'field_linkedin_url_example',
  emails: 'field_emails_example',
  tags: 'field_tags_example',
};

const INPUT_PROPS: Partial<Record<EditableField, Record<string, unknown>>> = {
  name: { required: true, maxLength: 200 },
  headline: { maxLength: 500 },
  company: { maxLength: 200 },
  location: { maxLength: 200 },
  linkedinUrl: { type: 'url' },
  currency: { maxLength: 3, size: 4 },
  dealValue: { type: 'number', min: '0', step: 'any', inputMode: 'decimal' },
  expectedCloseOn: { type: 'date', min: '1970-01-01', max: '2199-12-31' },
  nextFollowUpOn: { type: 'date', min: '1970-01-01', max: '2199-12-31' },
};

interface FieldEditorProps {
  model: LeadEditModel;
  field: EditableField;
  /** Save this field when it is left or Enter is pressed (the sidebar); otherwise a form's button saves. */
  saveOnLeave?: boolean;
  label?: string;
}

/**
 * One editable field of a lead: a draft until saved, with its error and, when it was changed
 * elsewhere meanwhile, both values and a choice.
 */
export function FieldEditor({ model, field, saveOnLeave = false, label }: FieldEditorProps) {
  const value = model.draft.value[field] ?? '';
  const error = model.errors.value[field];
  const theirs = model.conflicts.value[field];
  const id = `ll-edit-${field}`;
  const described = [error ? `${id}-error` : '', theirs !== undefined ? `${id}-conflict` : ''].filter(Boolean).join(' ') || undefined;
  const save = () => {
    if (saveOnLeave && model.isDirty(field)) void model.save([field]);
  };
  const common = {
    id,
    value,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': described,
    onInput: (e: Event) => model.edit(field, (e.currentTarget as HTMLInputElement).value),
    onBlur: save,
  };
  return (
    <div class={`ll-field${model.saved.value.includes(field) ? ' ll-saved' : ''}`}>
      <label for={id}>{label ?? t(FIELD_LABELS[field])}</label>
      {field === 'notes' ? (
        <textarea rows={saveOnLeave ? 3 : 4} maxLength={20000} {...common} />
      ) : (
        <input
          {...INPUT_PROPS[field]}
          placeholder={PLACEHOLDERS[field] && t(PLACEHOLDERS[field])}
          {...common}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && saveOnLeave) {
              e.preventDefault();
              save();
            }
          }}
        />
      )}
      {error && (
        <span class="ll-error" id={`${id}-error`}>
          {textOf(error)}
        </span>
      )}
      {theirs !== undefined && (
        <div class="ll-conflict" id={`${id}-conflict`} role="alert">
          <span>{t('field_conflict', { theirs: theirs || t('field_empty'), mine: value || t('field_empty') })}</span>
          <button type="button" onClick={() => void model.keepMine(field)}>
            {t('field_keep_mine')}
          </button>
          <button type="button" onClick={() => model.takeTheirs(field)}>
            {t('field_use_theirs')}
          </button>
        </div>
      )}
    </div>
  );
}

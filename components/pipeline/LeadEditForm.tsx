import type { LeadCardModel } from '../../lib/ui/lead-card-model';
import { FieldEditor } from '../shared/FieldEditor';
import { t } from '../../lib/i18n/i18n';

/** Every descriptive field of the pipeline detail (follow-up and deal value are on the card). */
const FIELDS = ['name', 'headline', 'company', 'location', 'linkedinUrl', 'emails', 'tags', 'currency', 'expectedCloseOn', 'notes'] as const;
const OWNED_FIELDS = [...FIELDS, 'owner'] as const;

/**
 * Every descriptive field of a lead as a draft: a live refresh never overwrites what is being
 * typed; a save sends the changed fields only, and errors sit beside their field.
 */
export function LeadEditForm({ card }: { card: LeadCardModel }) {
  // The owner is there to hand over once the lead has one (team sync).
  const fields = card.view.value.lead.owner ? OWNED_FIELDS : FIELDS;
  const editor = card.editor(fields);
  const saved = editor.saved.value.length > 0 && !editor.hasChanges;
  return (
    <form
      class="ll-edit"
      aria-label={t('edit_label')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void editor.save();
      }}
    >
      <h3>{t('edit_details')}</h3>
      {fields.map((field) => (
        <FieldEditor key={field} model={editor} field={field} />
      ))}
      <button type="submit" class="ll-primary">
        {t('edit_save')}
      </button>
      <p role="status" class="ll-muted">
        {saved && !card.error.value ? t('edit_saved') : editor.hasChanges ? t('edit_unsaved') : ''}
      </p>
    </form>
  );
}

import type { LeadCardModel } from '../../lib/ui/lead-card-model';
import { FieldEditor } from '../shared/FieldEditor';

/** Every descriptive field of the pipeline detail (follow-up and deal value are on the card). */
const FIELDS = ['name', 'headline', 'company', 'location', 'linkedinUrl', 'emails', 'tags', 'currency', 'expectedCloseOn', 'notes'] as const;

/**
 * Every descriptive field of a lead as a draft: a live refresh never overwrites what is being
 * typed; a save sends the changed fields only, and errors sit beside their field.
 */
export function LeadEditForm({ card }: { card: LeadCardModel }) {
  const editor = card.editor(FIELDS);
  const saved = editor.saved.value.length > 0 && !editor.hasChanges;
  return (
    <form
      class="ll-edit"
      aria-label="Edit lead"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void editor.save();
      }}
    >
      <h3>Details</h3>
      {FIELDS.map((field) => (
        <FieldEditor key={field} model={editor} field={field} />
      ))}
      <button type="submit" class="ll-primary">
        Save details
      </button>
      <p role="status" class="ll-muted">
        {saved && !card.error.value ? 'Saved.' : editor.hasChanges ? 'Unsaved changes.' : ''}
      </p>
    </form>
  );
}

/**
 * An edit of a lead's fields as a draft: typing changes only the draft; a save sends only the
 * fields changed, each with the value the edit started from, so an edit made elsewhere to another
 * field merges, and one made to the same field comes back as a conflict showing both values.
 * A live refresh updates the fields the user is not editing and never overwrites a draft.
 */
import { signal } from '@preact/signals';
import type { FieldConflict, LeadPatch } from '../messaging/protocol';
import type { Lead } from '../pipeline/model';
import { fieldText, parseField, type EditableField } from './lead-fields';
import type { LeadCardModel } from './lead-card-model';
import type { Text } from '../i18n/i18n';
import { issueText } from '../i18n/problems';

type Texts = Partial<Record<EditableField, string>>;
type Errors = Partial<Record<EditableField, Text>>;

export class LeadEditModel {
  readonly draft = signal<Texts>({});
  readonly errors = signal<Errors>({});
  /** Fields changed elsewhere while being edited here: the other value, as text. */
  readonly conflicts = signal<Texts>({});
  /** Fields saved by the last save, for a "Saved" mark. */
  readonly saved = signal<EditableField[]>([]);
  private base: Texts = {};
  private readonly dirty = new Set<EditableField>();

  constructor(
    private readonly card: LeadCardModel,
    readonly fields: readonly EditableField[],
  ) {
    this.sync(card.view.value.lead);
  }

  isDirty(field: EditableField): boolean {
    return this.dirty.has(field);
  }

  get hasChanges(): boolean {
    return this.dirty.size > 0;
  }

  edit(field: EditableField, text: string): void {
    this.dirty.add(field);
    this.draft.value = { ...this.draft.value, [field]: text };
    this.saved.value = [];
    if (this.errors.value[field]) this.errors.value = { ...this.errors.value, [field]: undefined };
  }

  /** Saves the changed fields (all of them, or only `only`); true when every one was saved. */
  async save(only?: EditableField[]): Promise<boolean> {
    const fields = [...this.dirty].filter((f) => !only || only.includes(f));
    if (fields.length === 0) return true;
    const patch: Record<string, unknown> = {};
    const base: Record<string, unknown> = {};
    const errors: Errors = {};
    for (const field of fields) {
      const mine = parseField(field, this.draft.value[field] ?? '');
      if (!mine.ok) errors[field] = mine.error;
      else patch[field] = mine.value;
      const was = parseField(field, this.base[field] ?? '');
      if (was.ok) base[field] = was.value;
    }
    if (Object.keys(errors).length > 0) {
      this.errors.value = { ...this.errors.value, ...errors };
      return false;
    }
    const reply = await this.card.updateFields(patch as LeadPatch, base);
    if (!reply.ok) {
      const byField: Errors = {};
      for (const issue of reply.issues) {
        const field = issue.path[1] as EditableField | undefined;
        if (issue.path[0] === 'patch' && field && fields.includes(field)) byField[field] ??= issueText(issue);
      }
      // Refusals not tied to a field are the card's error.
      this.errors.value = { ...this.errors.value, ...byField };
      return false;
    }
    const conflicted = new Set(reply.conflicts.map((c) => c.field as EditableField));
    this.conflicts.value = { ...this.conflicts.value, ...Object.fromEntries(reply.conflicts.map((c) => [c.field, this.textOf(c)])) };
    const lead = this.card.view.value.lead;
    for (const field of fields) {
      if (conflicted.has(field)) continue;
      this.dirty.delete(field);
      this.base[field] = fieldText(lead, field);
    }
    this.saved.value = fields.filter((f) => !conflicted.has(f));
    this.sync(lead);
    return conflicted.size === 0;
  }

  /** Keeps the value typed here over the one saved elsewhere. */
  async keepMine(field: EditableField): Promise<boolean> {
    this.base[field] = fieldText(this.card.view.value.lead, field);
    this.dropConflict(field);
    return this.save([field]);
  }

  /** Drops the draft of a field in favour of the value saved elsewhere. */
  takeTheirs(field: EditableField): void {
    this.dirty.delete(field);
    this.dropConflict(field);
    this.sync(this.card.view.value.lead);
  }

  /** Forgets every draft (Cancel). */
  discard(): void {
    this.dirty.clear();
    this.conflicts.value = {};
    this.errors.value = {};
    this.sync(this.card.view.value.lead);
  }

  private dropConflict(field: EditableField) {
    const { [field]: _gone, ...rest } = this.conflicts.value;
    this.conflicts.value = rest;
  }

  private textOf(conflict: FieldConflict): string {
    return fieldText({ ...this.card.view.value.lead, [conflict.field]: conflict.theirs } as Lead, conflict.field as EditableField);
  }

  /** The stored lead changed: fields not being edited follow it; an edited one changed elsewhere is flagged. */
  sync(lead: Lead): void {
    const draft: Texts = { ...this.draft.value };
    const conflicts: Texts = { ...this.conflicts.value };
    for (const field of this.fields) {
      const stored = fieldText(lead, field);
      if (!this.dirty.has(field)) {
        draft[field] = stored;
        this.base[field] = stored;
      } else if (stored !== this.base[field] && stored !== draft[field]) conflicts[field] = stored;
    }
    this.draft.value = draft;
    this.conflicts.value = conflicts;
  }
}

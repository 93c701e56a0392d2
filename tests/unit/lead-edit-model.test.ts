import { beforeAll, describe, expect, it } from 'vitest';
import { textOf, type Text } from '../../lib/i18n/i18n';
import { speak } from './helpers/i18n';
import { LeadCardModel } from '../../lib/ui/lead-card-model';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { backgroundSend } from './helpers/send';

beforeAll(() => speak('en'));

/** Field errors as the form shows them. */
const shown = (errors: Partial<Record<string, Text>>) => Object.fromEntries(Object.entries(errors).map(([field, text]) => [field, textOf(text)]));

const FIELDS = ['name', 'company', 'emails', 'currency', 'notes', 'dealValue'] as const;

async function setup() {
  const bg = await backgroundSend();
  const { lead } = await bg.repo.leads.capture({ name: 'Ada Lovelace', company: 'Analytical Engines', emails: ['ada@engines.io'], source: 'manual' });
  const card = new LeadCardModel(bg.send, await bg.send('lead.get', { id: lead.id }), DEFAULT_SETTINGS, null, true);
  const editor = card.editor(FIELDS);
  return { ...bg, card, editor, lead };
}

describe('lead edit model', () => {
  it('starts from the stored values as text, and keeps one editor per field set', async () => {
    const { card, editor } = await setup();
    expect(editor.draft.value).toEqual({
      name: 'Ada Lovelace',
      company: 'Analytical Engines',
      emails: 'ada@engines.io',
      currency: 'USD',
      notes: '',
      dealValue: '',
    });
    expect(card.editor(FIELDS)).toBe(editor);
    expect(card.editor(['notes'])).not.toBe(editor);
    expect(editor.hasChanges).toBe(false);
  });

  it('saves only the fields changed, and marks them saved', async () => {
    const { editor, repo, lead } = await setup();
    editor.edit('company', 'Analytical Engines Ltd');
    editor.edit('dealValue', '1 500');
    expect(editor.isDirty('company')).toBe(true);
    expect(editor.isDirty('name')).toBe(false);
    expect(await editor.save()).toBe(true);
    expect(editor.saved.value).toEqual(['company', 'dealValue']);
    expect(editor.hasChanges).toBe(false);
    expect(await repo.leads.get(lead.id)).toMatchObject({ company: 'Analytical Engines Ltd', dealValue: 1500, name: 'Ada Lovelace' });
    // Typing again clears the "saved" mark.
    editor.edit('notes', 'x');
    expect(editor.saved.value).toEqual([]);
  });

  it('refuses what it can read is wrong before sending, beside the field', async () => {
    const { editor, calls } = await setup();
    const before = calls.length;
    editor.edit('currency', 'euro');
    editor.edit('dealValue', '-3');
    expect(await editor.save()).toBe(false);
    expect(shown(editor.errors.value)).toEqual({ currency: 'a three-letter currency code, like EUR', dealValue: 'a number, 0 or more' });
    expect(calls.length).toBe(before);
    editor.edit('currency', 'eur');
    expect(editor.errors.value.currency).toBeUndefined();
    expect(textOf(editor.errors.value.dealValue)).toBe('a number, 0 or more');
  });

  it('shows the background’s refusal of a field beside that field', async () => {
    const { editor, card } = await setup();
    editor.edit('emails', 'ada@engines.io, not-an-email');
    expect(await editor.save()).toBe(false);
    expect(shown(editor.errors.value)).toEqual({ emails: 'not an email address' });
    expect(card.error.value).toBeNull();
  });

  it('merges an edit of another field made elsewhere, and asks about the same field', async () => {
    const { editor, repo, lead, card } = await setup();
    editor.edit('notes', 'Met at the conference');
    editor.edit('company', 'Engines Ltd');
    // Another tab changes the company and the name meanwhile.
    await repo.leads.update(lead.id, { company: 'Babbage & Co', name: 'Ada King' });
    expect(await editor.save()).toBe(false);
    expect(editor.conflicts.value).toEqual({ company: 'Babbage & Co' });
    expect(await repo.leads.get(lead.id)).toMatchObject({ notes: 'Met at the conference', company: 'Babbage & Co', name: 'Ada King' });
    // The name, not edited here, follows the stored lead; the company draft stays.
    expect(editor.draft.value).toMatchObject({ name: 'Ada King', company: 'Engines Ltd', notes: 'Met at the conference' });
    expect(editor.saved.value).toEqual(['notes']);

    expect(await editor.keepMine('company')).toBe(true);
    expect(editor.conflicts.value).toEqual({});
    expect((await repo.leads.get(lead.id))!.company).toBe('Engines Ltd');
    expect(card.view.value.lead.company).toBe('Engines Ltd');
  });

  it('takes the value saved elsewhere when asked, dropping the draft', async () => {
    const { editor, repo, lead, card, send } = await setup();
    editor.edit('company', 'Engines Ltd');
    await repo.leads.update(lead.id, { company: 'Babbage & Co' });
    card.setView(await send('lead.get', { id: lead.id }));
    expect(editor.conflicts.value).toEqual({ company: 'Babbage & Co' });
    expect(editor.draft.value.company).toBe('Engines Ltd');
    editor.takeTheirs('company');
    expect(editor.conflicts.value).toEqual({});
    expect(editor.draft.value.company).toBe('Babbage & Co');
    expect(editor.isDirty('company')).toBe(false);
  });

  it('does not flag a change elsewhere to the very value typed here', async () => {
    const { editor, repo, lead, card, send } = await setup();
    editor.edit('company', 'Engines Ltd');
    await repo.leads.update(lead.id, { company: 'Engines Ltd' });
    card.setView(await send('lead.get', { id: lead.id }));
    expect(editor.conflicts.value).toEqual({});
    expect(await editor.save()).toBe(true);
  });

  it('forgets every draft on cancel, and saving nothing changed is a success', async () => {
    const { editor } = await setup();
    expect(await editor.save()).toBe(true);
    editor.edit('name', 'Someone else');
    editor.edit('currency', 'x');
    await editor.save();
    editor.discard();
    expect(editor.draft.value.name).toBe('Ada Lovelace');
    expect(editor.errors.value).toEqual({});
    expect(editor.hasChanges).toBe(false);
  });

  it('saves only the fields asked for', async () => {
    const { editor, repo, lead } = await setup();
    editor.edit('company', 'Engines Ltd');
    editor.edit('notes', 'draft notes');
    expect(await editor.save(['notes'])).toBe(true);
    expect(await repo.leads.get(lead.id)).toMatchObject({ company: 'Analytical Engines', notes: 'draft notes' });
    expect(editor.isDirty('company')).toBe(true);
  });
});

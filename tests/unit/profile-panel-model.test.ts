// The LinkedIn sidebar's model through the real background. Profile readings are synthetic
// (written 2026-11-27) on the real profile addresses of tests/fixtures/linkedin/ (kireetagrawal,
// parul-sharma-886a79227).
import { describe, expect, it } from 'vitest';
import { ProfilePanelModel } from '../../lib/ui/profile-panel-model';
import type { ProfileExtraction } from '../../lib/sites/linkedin/extract';
import type { Send } from '../../lib/ui/send';
import { backgroundSend } from './helpers/send';

const KIREET = 'https://www.linkedin.com/in/kireetagrawal/';
const PARUL = 'https://www.linkedin.com/in/parul-sharma-886a79227/';
const reading = (url: string | undefined, name: string, company?: string): ProfileExtraction => ({
  found: { name, ...(company && { company }), headline: 'Engineer', ...(url && { linkedinUrl: url }) },
  missing: [...(company ? [] : (['company'] as const)), 'location', ...(url ? [] : (['linkedinUrl'] as const))],
  via: {},
  contentSlug: null,
});

describe('LinkedIn profile panel', () => {
  it('drafts the capture form from the page, flags what it did not show, and captures', async () => {
    const { send, db } = await backgroundSend();
    const model = new ProfilePanelModel(send);
    await model.showProfile(reading(KIREET, 'Kireet Agrawal'));
    expect(model.state.value).toEqual({ kind: 'new' });
    expect(model.draft.value).toEqual({ name: 'Kireet Agrawal', headline: 'Engineer', company: '', location: '' });
    expect(model.missing.value).toEqual(['company', 'location']);
    model.edit('location', '  Berkeley  ');
    await model.capture();
    expect(await db.getAll('leads')).toMatchObject([
      { name: 'Kireet Agrawal', headline: 'Engineer', company: null, location: 'Berkeley', linkedinUrl: KIREET, source: 'linkedin' },
    ]);
    const state = model.state.value;
    expect(state.kind === 'known' && state.card.view.value.lead.name).toBe('Kireet Agrawal');
  });

  it('keeps what the user typed when the same profile is read again, and forgets it for another person', async () => {
    const { send } = await backgroundSend();
    const model = new ProfilePanelModel(send);
    await model.showProfile(reading(KIREET, 'Kireet'));
    model.edit('name', 'Kireet Agrawal');
    await model.showProfile(reading(KIREET, 'Kireet', 'Gantry'));
    expect(model.draft.value).toMatchObject({ name: 'Kireet Agrawal', company: 'Gantry' });
    await model.showProfile(reading(PARUL, 'Parul Sharma'));
    expect(model.draft.value).toMatchObject({ name: 'Parul Sharma', company: '' });
  });

  it('cannot capture a page without a profile address', async () => {
    const { send, calls } = await backgroundSend();
    const model = new ProfilePanelModel(send);
    await model.showProfile(reading(undefined, 'Kireet Agrawal'));
    expect(model.state.value).toEqual({ kind: 'new' });
    expect(model.canCapture.value).toBe(false);
    await model.capture();
    await model.linkDuplicate('x');
    expect(calls).toEqual([]);
  });

  it('offers a lead with the same name and company to link to this profile instead of a second lead', async () => {
    const { send, repo, db } = await backgroundSend();
    const { lead } = await repo.leads.capture({ name: 'Kireet Agrawal', company: 'Gantry', emails: ['kireet@gantry.io'], source: 'gmail' });
    const model = new ProfilePanelModel(send);
    await model.showProfile(reading(KIREET, 'Kireet Agrawal', 'Gantry'));
    expect(model.duplicates.value.map((d) => d.id)).toEqual([lead.id]);
    await model.linkDuplicate(lead.id);
    expect(model.duplicates.value).toEqual([]);
    expect(model.state.value.kind).toBe('known');
    expect(await db.getAll('leads')).toMatchObject([{ id: lead.id, linkedinUrl: KIREET, emails: ['kireet@gantry.io'] }]);
  });

  it('refreshes the card when its lead changed elsewhere, and looks again when anything changed', async () => {
    const { send, repo, calls } = await backgroundSend();
    const { lead } = await repo.leads.capture({ name: 'Kireet Agrawal', linkedinUrl: KIREET, source: 'linkedin' });
    const model = new ProfilePanelModel(send);
    await model.showProfile(reading(KIREET, 'Kireet Agrawal'));
    const state = model.state.value;
    if (state.kind !== 'known') throw new Error('expected a known lead');
    await repo.leads.update(lead.id, { notes: 'edited in the pipeline page' });
    const before = calls.length;
    await model.onChanged(['someone-else']);
    expect(calls.length).toBe(before);
    await model.onChanged([lead.id]);
    expect(state.card.view.value.lead.notes).toBe('edited in the pipeline page');
    // The same card, refreshed: drafts in it survive.
    expect(model.state.value).toBe(state);
    await model.onChanged([]);
    expect(calls.slice(before)).toEqual(['lead.lookup', 'lead.lookup']);
  });

  it('looks up a new person again when data changed (the lead may have been captured elsewhere)', async () => {
    const { send, repo } = await backgroundSend();
    const model = new ProfilePanelModel(send);
    await model.showProfile(reading(KIREET, 'Kireet Agrawal'));
    await repo.leads.capture({ name: 'Kireet Agrawal', linkedinUrl: KIREET, source: 'linkedin' });
    await model.onChanged(['x']);
    expect(model.state.value.kind).toBe('known');
  });

  it('shows why a lookup failed, keeps the offer to try again, and drops the answer for a profile no longer on screen', async () => {
    const { send } = await backgroundSend();
    let fail = true;
    const flaky = (async (type, payload) => {
      if (type === 'lead.lookup' && fail) throw new Error("Leadline's background is not reachable. Reload the page.");
      return send(type, payload);
    }) as Send;
    const model = new ProfilePanelModel(flaky);
    await model.showProfile(reading(KIREET, 'Kireet Agrawal'));
    expect(model.state.value).toEqual({ kind: 'error', message: "Leadline's background is not reachable. Reload the page." });
    fail = false;
    await model.showProfile(reading(KIREET, 'Kireet Agrawal'));
    expect(model.state.value).toEqual({ kind: 'new' });

    const slow = model.showProfile(reading(PARUL, 'Parul Sharma'));
    model.clear();
    await slow;
    expect(model.state.value).toEqual({ kind: 'idle' });
    expect(model.profile.value).toBeNull();
  });
});

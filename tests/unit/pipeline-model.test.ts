import { beforeAll, describe, expect, it } from 'vitest';
import { parseHash, PipelineModel, toHash, type Route } from '../../lib/ui/pipeline-model';
import { textOf } from '../../lib/i18n/i18n';
import { backgroundSend } from './helpers/send';
import { speak } from './helpers/i18n';

beforeAll(() => speak('en'));

const backup = { exportBackup: async () => ({ parts: [], leads: 0, touchpoints: 0 }), parse: () => ({ leads: [], touchpoints: [] }), restore: async () => {} };

describe('the pipeline page address', () => {
  it('keeps every filter, the sort and the open lead', () => {
    const route: Route = {
      view: 'table',
      filter: { stage: 'qualified', temperature: 'hot', source: 'gmail', tag: 'vip', stale: true, due: true, text: 'ada' },
      sort: 'value',
      desc: true,
      period: 'all',
      lead: 'lead-7',
    };
    const hash = toHash(route);
    expect(hash).toBe('view=table&stage=qualified&temperature=hot&source=gmail&tag=vip&stale=1&due=1&q=ada&sort=value&desc=1&lead=lead-7');
    expect(parseHash(`#${hash}`)).toEqual(route);
  });

  it('leaves the defaults out: the board, newest first', () => {
    expect(toHash({ view: 'board', filter: {}, sort: 'updated', desc: true })).toBe('');
    expect(parseHash('')).toEqual({ view: 'board', filter: {}, sort: 'updated', desc: true, period: 'all' });
    expect(toHash({ view: 'table', filter: {}, sort: 'updated', desc: false })).toBe('view=table&sort=updated');
    expect(toHash({ filter: { stale: true } })).toBe('stale=1');
  });

  it('opens the table for a filter without a view, and ignores what it does not know', () => {
    expect(parseHash('#stale=1')).toMatchObject({ view: 'table', filter: { stale: true } });
    expect(parseHash('#due=1')).toMatchObject({ view: 'table', filter: { due: true } });
    expect(parseHash('#temperature=lukewarm&source=fax&view=attic&stale=yes')).toEqual({
      view: 'board',
      filter: {},
      sort: 'updated',
      desc: true,
      period: 'all',
    });
    expect(parseHash('#sort=name')).toMatchObject({ sort: 'name', desc: false });
    expect(parseHash('#sort=shoe&desc=1')).toMatchObject({ sort: 'updated', desc: true });
    expect(parseHash('#view=planner&lead=x')).toMatchObject({ view: 'planner', lead: 'x' });
  });
});

describe('the pipeline page model', () => {
  it('loads the view the address names, opens a lead, deletes with undo', async () => {
    const { send, repo, db } = await backgroundSend();
    const { lead: ada } = await repo.leads.capture({ name: 'Ada Lovelace', source: 'manual' });
    const { lead: bob } = await repo.leads.capture({ name: 'Bob Stone', source: 'manual' });
    const model = new PipelineModel(send, backup, () => {});
    await model.fromHash(`#view=table&sort=name&lead=${ada.id}`);
    expect(model.route.value).toMatchObject({ view: 'table', sort: 'name', desc: false, lead: ada.id });
    expect(model.table.total.value).toBe(2);
    expect(model.table.rowAt(0)?.name).toBe('Ada Lovelace');
    expect(model.selected.value?.id).toBe(ada.id);
    expect(model.aggregates.value?.total).toBe(2);

    await model.deleteLeads([bob.id]);
    expect(textOf(model.undo.value?.text)).toBe('Lead deleted.');
    expect(await db.count('leads')).toBe(1);
    await model.undoDelete();
    expect(model.undo.value).toBeNull();
    expect(await db.count('leads')).toBe(2);

    await model.deleteLeads([ada.id, bob.id]);
    expect(textOf(model.undo.value?.text)).toBe('2 leads deleted.');
    expect(location.hash).toBe('#view=table&sort=name');
  });

  it('shows a lead that no longer exists as an error, not a blank detail', async () => {
    const { send } = await backgroundSend();
    const model = new PipelineModel(send, backup, () => {});
    await model.fromHash('#lead=gone');
    expect(model.selected.value).toBeNull();
    expect(textOf(model.error.value)).toBe('This lead no longer exists.');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { textOf } from '../../lib/i18n/i18n';
import { speak } from './helpers/i18n';
import { BoardModel, CARDS_PER_COLUMN, DRAG_THRESHOLD_PX } from '../../lib/ui/board-model';
import { DEFAULT_STAGES } from '../../lib/pipeline/constants';
import { localDay } from '../../lib/pipeline/time';
import { backgroundSend } from './helpers/send';

beforeAll(() => speak('en'));

const STAGES = DEFAULT_STAGES;
const TODAY = '2026-11-22';

async function setup() {
  const bg = await backgroundSend();
  const { lead: ada } = await bg.repo.leads.capture({ name: 'Ada Lovelace', source: 'manual' });
  bg.clock.now = new Date('2026-11-22T11:00:00.000Z');
  const { lead: bob } = await bg.repo.leads.capture({ name: 'Bob Stone', source: 'manual' });
  const opened: string[] = [];
  const board = new BoardModel(bg.send, (id) => opened.push(id));
  await board.load(TODAY);
  const stageOf = async (id: string) => (await bg.repo.leads.get(id))!.stage;
  return { ...bg, board, ada, bob, opened, stageOf };
}
const card = (lead: { id: string; name: string; stage: string }) => ({ id: lead.id, name: lead.name, stage: lead.stage });
const column = (board: BoardModel, stage: string) => board.columns.value!.find((c) => c.stage === stage)!;

describe('board model', () => {
  it('loads a column per stage, then Lost and Later, with counts and cards', async () => {
    const { board, calls } = await setup();
    expect(board.columns.value!.map((c) => [c.stage, c.total, c.rows.map((r) => r.name)])).toEqual([
      ['prospect', 2, ['Bob Stone', 'Ada Lovelace']],
      ...STAGES.slice(1).map((s) => [s.id, 0, []]),
      ['lost', 0, []],
      ['later', 0, []],
    ]);
    expect(calls).toEqual(['board.get']);
    expect(CARDS_PER_COLUMN).toBe(50);
  });

  it('moves a card to a funnel stage at once, announces it and reloads', async () => {
    const { board, ada, stageOf } = await setup();
    await board.moveTo(card(ada), 'proposal', STAGES);
    expect(await stageOf(ada.id)).toBe('proposal');
    expect(textOf(board.announcement.value)).toBe('Ada Lovelace moved to Proposal.');
    expect(column(board, 'proposal').rows.map((r) => r.name)).toEqual(['Ada Lovelace']);
    // Dropping on its own column is nothing.
    await board.moveTo({ ...card(ada), stage: 'proposal' }, 'proposal', STAGES);
    expect(textOf(board.announcement.value)).toBe('Ada Lovelace moved to Proposal.');
  });

  it('asks for a reason before moving to Lost, and for a date before Later', async () => {
    const { board, ada, bob, stageOf } = await setup();
    await board.moveTo(card(ada), 'lost', STAGES);
    expect(board.pending.value).toEqual({ id: ada.id, name: 'Ada Lovelace', to: 'lost' });
    expect(await stageOf(ada.id)).toBe('prospect');
    board.reason.value = '  Chose a competitor ';
    await board.confirmPending(STAGES);
    expect(board.pending.value).toBeNull();
    expect(await stageOf(ada.id)).toBe('lost');
    expect(textOf(board.announcement.value)).toBe('Ada Lovelace moved to Lost.');

    await board.moveTo(card(bob), 'later', STAGES);
    expect(board.reengageOn.value).toBe(localDay(new Date(Date.now() + 30 * 86_400_000)));
    board.reengageOn.value = '2027-02-01';
    await board.confirmPending(STAGES);
    expect(await stageOf(bob.id)).toBe('later');
    expect(textOf(board.announcement.value)).toBe('Bob Stone moved to Later.');
  });

  it('cancels a pending drop, and says why a move without a reason is refused', async () => {
    const { board, ada, stageOf } = await setup();
    await board.moveTo(card(ada), 'lost', STAGES);
    board.cancelPending();
    expect(board.pending.value).toBeNull();
    await board.confirmPending(STAGES);
    expect(await stageOf(ada.id)).toBe('prospect');
    await board.moveTo(card(ada), 'lost', STAGES);
    await board.confirmPending(STAGES);
    expect(textOf(board.error.value)).toBe('move.reason: required');
    expect(await stageOf(ada.id)).toBe('prospect');
  });

  it('steps a card one funnel stage with the arrow keys, never past either end or out of Lost', async () => {
    const { board, ada, stageOf } = await setup();
    expect(await board.step(card(ada), -1, STAGES)).toBe(false);
    expect(await board.step(card(ada), 1, STAGES)).toBe(true);
    expect(await stageOf(ada.id)).toBe('qualified');
    expect(await board.step({ ...card(ada), stage: 'qualified' }, -1, STAGES)).toBe(true);
    expect(await stageOf(ada.id)).toBe('prospect');
    expect(await board.step({ ...card(ada), stage: 'won' }, 1, STAGES)).toBe(false);
    expect(await board.step({ ...card(ada), stage: 'lost' }, 1, STAGES)).toBe(false);
  });

  it('takes a short press for a click that opens the lead, and a longer move for a drag', async () => {
    const { board, ada, opened, stageOf } = await setup();
    board.pointerDown(card(ada), 100, 100);
    board.pointerMove(100 + DRAG_THRESHOLD_PX - 1, 100, 'qualified');
    expect(board.dragging.value).toBeNull();
    await board.pointerUp('qualified', STAGES);
    expect(opened).toEqual([ada.id]);
    expect(await stageOf(ada.id)).toBe('prospect');

    board.pointerDown(card(ada), 100, 100);
    board.pointerMove(103, 104, 'prospect');
    expect(board.dragging.value).toEqual({ id: ada.id, dx: 3, dy: 4, over: 'prospect' });
    board.pointerMove(300, 90, 'contacted');
    expect(board.dragging.value).toEqual({ id: ada.id, dx: 200, dy: -10, over: 'contacted' });
    await board.pointerUp('contacted', STAGES);
    expect(board.dragging.value).toBeNull();
    expect(await stageOf(ada.id)).toBe('contacted');
    expect(opened).toEqual([ada.id]);

    // A drag let go outside any column moves nothing; a move without a press is ignored.
    board.pointerDown({ ...card(ada), stage: 'contacted' }, 0, 0);
    board.pointerMove(50, 0, null);
    await board.pointerUp(null, STAGES);
    expect(await stageOf(ada.id)).toBe('contacted');
    board.pointerMove(10, 10, 'won');
    expect(board.dragging.value).toBeNull();
    await board.pointerUp('won', STAGES);
    expect(await stageOf(ada.id)).toBe('contacted');
  });

  it('shows a load error and clears it once the board loads', async () => {
    const { board } = await setup();
    const failing = new BoardModel(async () => {
      throw new Error('No answer from Leadline’s background.');
    });
    await failing.load(TODAY);
    expect(textOf(failing.error.value)).toBe('No answer from Leadline’s background.');
    board.error.value = 'old';
    await board.load(TODAY);
    expect(board.error.value).toBeNull();
  });
});

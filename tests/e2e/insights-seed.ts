/**
 * A small pipeline for the Insights view, seeded through the message protocol from an extension
 * page: captures, moves, losses with reasons, wins with deal values, a tag. To give stages real
 * durations, the background's clock is stopped at the older leads' moments (the service worker's
 * `Date`, test only); the page's clock is never touched.
 */
import type { Page, WebWorker } from 'puppeteer-core';

const DAY = 86_400_000;

/** Sends one protocol request from an extension page; throws the background's error. */
export async function request<T = unknown>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = (await page.evaluate(
    (t, p) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
        leadline: 'request',
        type: t,
        payload: p,
      }),
    type,
    payload,
  )) as { ok: boolean; value?: T; error?: string };
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.value as T;
}

/** Stops the service worker's clock at `at` (ISO), or lets it run again with null. */
export async function setWorkerClock(worker: WebWorker, at: string | null): Promise<void> {
  // Stopped, not shifted: every write at one instant, so stays are whole days exactly.
  await worker.evaluate(`(() => {
    const g = globalThis;
    if (!g.__llRealDate) {
      const Real = Date;
      g.__llRealDate = Real;
      g.__llFixed = null;
      g.Date = class extends Real {
        constructor(...args) { if (args.length === 0) super(g.__llFixed ?? Real.now()); else super(...args); }
        static now() { return g.__llFixed ?? Real.now(); }
      };
    }
    g.__llFixed = ${JSON.stringify(at)} === null ? null : g.__llRealDate.parse(${JSON.stringify(at)});
  })()`);
}

interface Step {
  /** Days before the seed's start (0: now). */
  daysAgo: number;
  do: { move: Record<string, string> } | { update: Record<string, unknown> };
}
interface Seeded {
  name: string;
  source: string;
  daysAgo: number;
  steps: Step[];
}

/*
 * The pipeline (default funnel; d = days before now):
 *   Ada  linkedin  60 d  P 3d → Q 10d → Proposal 7d → won 40 d ago (cycle 20 d)  12,000  tag "enterprise"
 *   Bob  linkedin  60 d  P 1d → Q 28d → won 31 d ago (cycle 29 d)                 5,000
 *   Cy   gmail     60 d  P 4d → lost "No budget"
 *   Gus  event     60 d  P 2d → Proposal 3d (Q, Contacted, Nurturing skipped) → lost "Went with a competitor"
 *   Hal  manual    60 d  P 2d → Q since 58 d ago (open, stale: Qualified rots after 14 d)
 *   Dee  gmail     now   P → lost "  no   BUDGET " (folds to "no budget")
 *   Eve  referral  now   P (open)  20,000  tag "enterprise"
 *   Fay  referral  now   P (open)   1,000
 */
export const PIPELINE: Seeded[] = [
  {
    name: 'Ada Lovelace',
    source: 'linkedin',
    daysAgo: 60,
    steps: [
      { daysAgo: 57, do: { move: { to: 'qualified' } } },
      { daysAgo: 57, do: { update: { dealValue: 12_000, tags: ['enterprise'] } } },
      { daysAgo: 47, do: { move: { to: 'proposal' } } },
      { daysAgo: 40, do: { move: { to: 'won' } } },
    ],
  },
  {
    name: 'Bob Stone',
    source: 'linkedin',
    daysAgo: 60,
    steps: [
      { daysAgo: 59, do: { move: { to: 'qualified' } } },
      { daysAgo: 59, do: { update: { dealValue: 5_000 } } },
      { daysAgo: 31, do: { move: { to: 'won' } } },
    ],
  },
  { name: 'Cy Young', source: 'gmail', daysAgo: 60, steps: [{ daysAgo: 56, do: { move: { to: 'lost', reason: 'No budget' } } }] },
  {
    name: 'Gus Grant',
    source: 'event',
    daysAgo: 60,
    steps: [
      { daysAgo: 58, do: { move: { to: 'proposal' } } },
      { daysAgo: 55, do: { move: { to: 'lost', reason: 'Went with a competitor' } } },
    ],
  },
  { name: 'Hal Hart', source: 'manual', daysAgo: 60, steps: [{ daysAgo: 58, do: { move: { to: 'qualified' } } }] },
  { name: 'Dee Dee', source: 'gmail', daysAgo: 0, steps: [{ daysAgo: 0, do: { move: { to: 'lost', reason: '  no   BUDGET ' } } }] },
  { name: 'Eve Ash', source: 'referral', daysAgo: 0, steps: [{ daysAgo: 0, do: { update: { dealValue: 20_000, tags: ['enterprise'] } } }] },
  { name: 'Fay Fern', source: 'referral', daysAgo: 0, steps: [{ daysAgo: 0, do: { update: { dealValue: 1_000 } } }] },
];

/** Seeds PIPELINE and returns the instant "now" of the seed (the older leads are dated from it). */
export async function seedPipeline(page: Page, worker: WebWorker): Promise<Date> {
  const now = new Date();
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString();
  const ids = new Map<string, string>();
  try {
    for (const lead of PIPELINE) {
      await setWorkerClock(worker, at(lead.daysAgo));
      const email = `${lead.name.split(' ')[0]!.toLowerCase()}@example.com`;
      const { lead: view } = await request<{ lead: { lead: { id: string } } }>(page, 'lead.capture', { name: lead.name, emails: [email], source: lead.source });
      ids.set(lead.name, view.lead.id);
    }
    // Moves in time order across leads, as they happened.
    const steps = PIPELINE.flatMap((lead) => lead.steps.map((step) => ({ lead, step }))).sort((a, b) => b.step.daysAgo - a.step.daysAgo);
    for (const { lead, step } of steps) {
      await setWorkerClock(worker, at(step.daysAgo));
      const id = ids.get(lead.name)!;
      if ('move' in step.do) await request(page, 'lead.move', { id, move: step.do.move });
      else await request(page, 'lead.update', { id, patch: step.do.update });
    }
  } finally {
    await setWorkerClock(worker, null);
  }
  return now;
}

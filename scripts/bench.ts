// `npm run bench`: what users feel, measured in real Chromium with the built extension, at 100,000
// leads and 500,000 touchpoints. Prints one JSON object (also written to bench-results.json). Every
// figure is the median of several runs with its spread (min–max), beside a floor measured in the
// same run, because these machines are noisy and shared. Not run in CI.
//
// Three browsers run side by side: `main` (the extension, seeded to 100,000 leads), `empty` (the
// extension with 0, then 1,000 leads) and `bare` (no extension: the floor of host-page figures).
// Runs of a figure and of its floor alternate, so load on the machine weighs on both alike.
//
// `BENCH_ONLY=capture,search npm run bench` runs some phases only (the seed runs when needed).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer, { type Frame, type Page } from 'puppeteer-core';
import { button, CHROME_ARGS, EXTENSION_DIR, launch, openTab, ROOT, sidebarFrame, spaNavigate, type Session } from '../tests/e2e/harness';
import { applyLead, emptyAggregates, type AggregatesWithInsights } from '../lib/pipeline/aggregates';
import { emptyInsightsKept } from '../lib/pipeline/insight-slices';
import { aggregateRecords } from '../lib/db/insights-records';
import { DEFAULT_STAGES, LEAD_SOURCES, type Lead, type Touchpoint } from '../lib/pipeline/model';
import { nextRecheck } from '../lib/pipeline/recheck';
import { engagementOf, withTemperature } from '../lib/pipeline/temperature';
import { localDay } from '../lib/pipeline/time';
import { DEFAULT_SETTINGS } from '../lib/settings/settings';
import { toStored } from '../lib/db/stored';

// ---------------------------------------------------------------------------------------------
// Figures

interface Stat {
  median: number;
  min: number;
  max: number;
  n: number;
}

const round = (x: number) => Math.round(x * 100) / 100;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => {
  const s = sorted(xs);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const p95 = (xs: number[]) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
function stat(xs: number[]): Stat {
  if (xs.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  return { median: round(median(xs)), min: round(Math.min(...xs)), max: round(Math.max(...xs)), n: xs.length };
}
/** A ratio of medians, with the spread of the per-run ratios when runs pair up. */
function ratio(a: number[], b: number[]): { median: number; min: number; max: number } {
  const pairs = a.length === b.length ? a.map((x, i) => x / b[i]!) : [];
  return { median: round(median(a) / median(b)), min: pairs.length ? round(Math.min(...pairs)) : NaN, max: pairs.length ? round(Math.max(...pairs)) : NaN };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A bulk job that runs longer than this is reported as failed, and the benchmark goes on. */
const JOB_LIMIT_MS = 5 * 60_000;
/** `promise`, or an error after `ms`. */
function limit<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  // The timer is cleared once the promise settles: a rejection left pending after a race is won
  // would end the process as unhandled minutes later.
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error as Error);
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Seed: leads as the extension stores them, made by its own pure code (lib/pipeline, lib/db/stored)

/** A small deterministic generator (mulberry32), so every run seeds the same pipeline. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['acme', 'globex', 'initech', 'umbrella', 'stark', 'wayne', 'hooli', 'vandelay'];
const REASONS = [
  'price',
  'timing',
  'no budget',
  'went with a competitor',
  'no reply',
  'champion left',
  'too small',
  'legal',
  'security review',
  'not a fit',
  'merged',
  'reorg',
  'frozen hiring',
  'in-house',
  'later',
];
const TAGS = Array.from({ length: 20 }, (_, i) => `tag-${i}`);
const DAY = 86_400_000;
const STAGES = DEFAULT_STAGES;
const SETTINGS = DEFAULT_SETTINGS;

/**
 * Lead `i` with its 5 touchpoints, as stored, at `now`: created over the three years before, moved
 * through the funnel with a history, 12 % lost with a reason, 4 % parked, tags, deal values,
 * follow-ups around today, touchpoints in both directions; temperature, derived keys and recheck
 * instant computed by the extension's own functions. Names, companies and emails keep the earlier
 * benchmark's scheme (every lead has the word "lead"; eight company words), so its query set
 * stays comparable.
 */
function seedLead(i: number, now: number): { stored: ReturnType<typeof toStored>; lead: Lead; touchpoints: Touchpoint[] } {
  const r = random(i * 2654435761);
  const iso = (t: number) => new Date(t).toISOString();
  const created = now - 30 * 60_000 - r() * 3 * 365 * DAY;
  const id = `seed-${String(i).padStart(6, '0')}`;
  const name = `Lead ${i} ${WORDS[(i * 7) % WORDS.length]}`;
  const company = `${WORDS[i % WORDS.length]} ${i % 97}`;
  const touchpoints: Touchpoint[] = [];
  const times = Array.from({ length: 5 }, () => created + r() * (now - created)).sort((a, b) => a - b);
  times.forEach((t, k) => {
    const d = r();
    touchpoints.push({
      id: `${id}-t${k}`,
      leadId: id,
      channel: (['email', 'linkedin-message', 'call', 'meeting', 'note'] as const)[Math.floor(r() * 5)]!,
      direction: d < 0.35 ? 'inbound' : d < 0.9 ? 'outbound' : 'internal',
      at: iso(t),
      summary: 'seeded',
      url: null,
      externalId: null,
      createdAt: iso(t),
    });
  });
  // The funnel: most leads stay early; each move a few days after the last.
  const target = Math.min(STAGES.length - 1, Math.floor(Math.pow(r(), 1.6) * STAGES.length));
  const history: Lead['stageHistory'] = [{ from: null, to: STAGES[0]!.id, at: iso(created) }];
  let at = created;
  for (let s = 1; s <= target; s++) {
    at = Math.min(now - 60_000, at + r() * 25 * DAY);
    history.push({ from: STAGES[s - 1]!.id, to: STAGES[s]!.id, at: iso(at) });
  }
  let stage = STAGES[target]!.id;
  let lost: Lead['lost'] = null;
  let later: Lead['later'] = null;
  const fate = r();
  if (target < STAGES.length - 1 && fate < 0.12) {
    at = Math.min(now - 60_000, at + r() * 20 * DAY);
    lost = { from: stage, reason: REASONS[Math.floor(r() * REASONS.length)]!, at: iso(at) };
    history.push({ from: stage, to: 'lost', at: iso(at) });
    stage = 'lost';
  } else if (target < STAGES.length - 1 && fate < 0.16) {
    at = Math.min(now - 60_000, at + r() * 20 * DAY);
    later = { from: stage, reengageOn: localDay(new Date(now + (1 + r() * 90) * DAY)) };
    history.push({ from: stage, to: 'later', at: iso(at) });
    stage = 'later';
  }
  const answer = () => {
    const x = r();
    return x < 0.7 ? 'unknown' : x < 0.9 ? 'yes' : 'no';
  };
  const tf = r();
  const open = stage !== 'lost' && stage !== 'later' && stage !== 'won';
  const contact = engagementOf(touchpoints).lastContactAt;
  const base: Lead = {
    id,
    name,
    headline: null,
    company,
    location: null,
    linkedinUrl: `https://www.linkedin.com/in/seed-${i}/`,
    photoUrl: null,
    // Seeded people are not linked to company records (the Accounts view is not measured here).
    companyId: null,
    linkedinMemberId: null,
    salesNavUrl: null,
    emails: [`lead${i}@${WORDS[i % WORDS.length]}.example`],
    source: LEAD_SOURCES[i % LEAD_SOURCES.length]!,
    stage,
    reached: STAGES.slice(0, target + 1).map((s) => s.id),
    stageHistory: history,
    lost,
    later,
    qualification: {
      budget: answer(),
      authority: answer(),
      need: answer(),
      timeframe: tf < 0.5 ? 'none' : tf < 0.65 ? 'later' : tf < 0.85 ? 'within-2-months' : 'now',
    },
    temperature: null,
    temperatureReasons: [],
    temperatureOverride: null,
    dealValue: r() < 0.6 ? Math.round(r() * 50) * 500 : null,
    currency: 'USD',
    expectedCloseOn: null,
    nextFollowUpOn: open && r() < 0.25 ? localDay(new Date(now + (r() * 60 - 30) * DAY)) : null,
    tags: r() < 0.3 ? [...new Set([TAGS[Math.floor(r() * TAGS.length)]!, TAGS[Math.floor(r() * TAGS.length)]!])] : [],
    notes: '',
    lastTouchAt: contact,
    createdAt: iso(created),
    updatedAt: iso(Math.max(created, at, contact ? Date.parse(contact) : 0)),
  };
  const when = new Date(now);
  const lead = withTemperature(base, touchpoints, when, SETTINGS);
  const stored = toStored(lead, STAGES, { recheck: nextRecheck(lead, engagementOf(touchpoints), SETTINGS, when) });
  return { stored, lead, touchpoints };
}

/**
 * Writes leads `from`…`from + count` with their touchpoints into the extension's IndexedDB and
 * stores their aggregates. Each batch is handed to the worker, which starts its transaction and
 * answers at once; the next batch is made while that one is written.
 */
async function seed(session: Session, from: number, count: number, now: number): Promise<AggregatesWithInsights> {
  const agg: AggregatesWithInsights = { ...emptyAggregates(), insights: emptyInsightsKept(STAGES) };
  const batch = 2500;
  for (let b = from; b < from + count; b += batch) {
    const leads: unknown[] = [];
    const tps: unknown[] = [];
    for (let i = b; i < Math.min(from + count, b + batch); i++) {
      const { stored, lead, touchpoints } = seedLead(i, now);
      applyLead(agg, lead, 1, STAGES);
      leads.push(stored);
      tps.push(...touchpoints);
    }
    await session.worker.evaluate(
      `(async (leads, tps) => {
        await globalThis.__seeding;
        globalThis.__seeding = (async () => {
          const db = await new Promise((res, rej) => { const r = indexedDB.open('leadline'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
          await new Promise((res, rej) => {
            const tx = db.transaction(['leads', 'touchpoints'], 'readwrite', { durability: 'relaxed' });
            for (const l of leads) tx.objectStore('leads').put(l);
            for (const t of tps) tx.objectStore('touchpoints').put(t);
            tx.oncomplete = res;
            tx.onerror = () => rej(tx.error);
          });
          db.close();
        })();
      })(${JSON.stringify(leads)}, ${JSON.stringify(tps)})`,
    );
  }
  await session.worker.evaluate('globalThis.__seeding');
  // As a rebuild stores them: the popup's record and the Insights view's records beside it.
  for (const record of aggregateRecords(agg)) await putMeta(session, record);
  return agg;
}

/** Launches the extension's browser on a given profile directory (kept, unlike the harness's). */
async function launchAt(userDataDir: string): Promise<Session> {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    pipe: true,
    enableExtensions: [EXTENSION_DIR],
    userDataDir,
    args: CHROME_ARGS,
    defaultViewport: { width: 1400, height: 900 },
    protocolTimeout: 600_000,
  });
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'), { timeout: 30_000 });
  const worker = (await target.worker())!;
  worker.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') console.error(`bench: service worker ${m.type()}: ${m.text()}`);
  });
  return { browser, extensionId: new URL(target.url()).host, worker, problems: [], routes: new Map(), close: () => browser.close() };
}

// The seeded profile is kept between runs (node_modules/.cache) while the code that decides what
// is stored is unchanged and the seed is under two hours old: its "now" places follow-ups and
// recheck instants, and the hourly refresh figure needs the seed to be an hour old, not a day.
const SEED_SOURCES = [
  'scripts/bench.ts',
  'lib/db/stored.ts',
  'lib/db/schema.ts',
  'lib/db/insights-records.ts',
  ...readdirSync(join(ROOT, 'lib/pipeline')).map((f) => `lib/pipeline/${f}`),
  'lib/settings/settings.ts',
];
const SEED_MAX_AGE_MS = 2 * 3_600_000;

function seedKey(): string {
  const hash = createHash('sha256');
  const bench = readFileSync(join(ROOT, 'scripts/bench.ts'), 'utf8');
  // Only the seed's part of this file counts: edits to the measurements keep the cache.
  hash.update(bench.slice(bench.indexOf('// Seed:'), bench.indexOf('// Measuring in pages')));
  for (const file of SEED_SOURCES.slice(1)) hash.update(readFileSync(join(ROOT, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The main browser at 100,000 leads: from the cached profile when it fits, else seeded now (an
 * hour in the past) and cached for the next run.
 */
async function mainAt100k(profile: string, log: (what: string) => void): Promise<{ session: Session; seed: Record<string, unknown> }> {
  const cacheRoot = join(ROOT, 'node_modules', '.cache', 'leadline-bench');
  const cached = join(cacheRoot, `profile-${seedKey()}`);
  const stamp = join(cached, 'seeded.json');
  const skip = (src: string) => !/Singleton|lockfile|LOCK$|Crashpad|GrShaderCache|GPUCache|Code Cache/.test(src);
  if (existsSync(stamp) && !process.env.BENCH_FRESH) {
    const seeded = JSON.parse(readFileSync(stamp, 'utf8')) as { at: number; ms: number };
    if (Date.now() - seeded.at < SEED_MAX_AGE_MS) {
      cpSync(cached, profile, { recursive: true, filter: skip });
      log(`seed: reusing the profile seeded ${Math.round((Date.now() - seeded.at) / 60_000)} min ago`);
      return {
        session: await launchAt(profile),
        seed: { reused: true, seededMinutesAgo: Math.round((Date.now() - seeded.at) / 60_000), firstSeedMs: seeded.ms },
      };
    }
  }
  const t0 = Date.now();
  const at = Date.now() - 3_600_000;
  let session = await launchAt(profile);
  const agg = await seed(session, 0, 100_000, at);
  const ms = Date.now() - t0;
  await session.close();
  rmSync(cacheRoot, { recursive: true, force: true });
  mkdirSync(cacheRoot, { recursive: true });
  cpSync(profile, `${cached}.partial`, { recursive: true, filter: skip });
  writeFileSync(join(`${cached}.partial`, 'seeded.json'), JSON.stringify({ at, ms }));
  renameSync(`${cached}.partial`, cached);
  session = await launchAt(profile);
  return { session, seed: { reused: false, ms, aggregatesKb: round(JSON.stringify(agg).length / 1024) } };
}

async function putMeta(session: Session, record: unknown): Promise<void> {
  await session.worker.evaluate(`(async (record) => {
    const db = await new Promise((res) => { const r = indexedDB.open('leadline'); r.onsuccess = () => res(r.result); });
    await new Promise((res, rej) => { const tx = db.transaction('meta', 'readwrite'); tx.objectStore('meta').put(record); tx.oncomplete = res; tx.onerror = () => rej(tx.error); });
    db.close();
  })(${JSON.stringify(record)})`);
}

async function getMeta<T>(session: Session, key: string): Promise<T | undefined> {
  return (await session.worker.evaluate(`(async () => {
    const db = await new Promise((res) => { const r = indexedDB.open('leadline'); r.onsuccess = () => res(r.result); });
    const v = await new Promise((res) => { const q = db.transaction('meta').objectStore('meta').get(${JSON.stringify(key)}); q.onsuccess = () => res(q.result); });
    db.close();
    return v;
  })()`)) as T | undefined;
}

// ---------------------------------------------------------------------------------------------
// Measuring in pages and frames

// In every document of a probed tab (the host page and, through Puppeteer's preload scripts on
// out-of-process frames, the sidebar frame): long tasks, and in extension documents the first
// moment each watched element exists, as epoch ms (timeOrigin + now, comparable across frames).
const PROBE = `(() => {
  const ll = (window.__ll = { longTasks: [], marks: {}, cards: 0, cardsAt: null });
  try { new PerformanceObserver((list) => { for (const e of list.getEntries()) ll.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true }); } catch (e) {}
  if (location.protocol !== 'chrome-extension:') return;
  const watch = { aside: 'aside', card: 'article.ll-card', newPerson: 'form[aria-label^="New person"]', funnel: 'svg.ll-funnel', board: '.ll-board-card', row: 'tr[data-id]', insights: 'svg[data-chart="funnel"]' };
  const look = () => {
    const t = performance.timeOrigin + performance.now();
    for (const k in watch) if (!(k in ll.marks) && document.querySelector(watch[k])) ll.marks[k] = t;
    const n = document.querySelectorAll('article.ll-card').length;
    if (n > ll.cards) { ll.cards = n; ll.cardsAt = t; }
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true });
})()`;

async function probedPage(session: Session, url: string, host = false): Promise<Page> {
  const page = host ? await openTab(session) : await session.browser.newPage();
  await page.evaluateOnNewDocument(PROBE);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

interface Marks {
  origin: number;
  dcl: number;
  marks: Record<string, number>;
}

async function marksOf(target: Page | Frame): Promise<Marks> {
  return (await target.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return { origin: performance.timeOrigin, dcl: nav ? nav.domContentLoadedEventEnd : NaN, marks: (window.__ll && window.__ll.marks) || {} };
  })()`)) as Marks;
}

/** ms from the page's navigation start until `mark` was seen on it (epoch marks). */
async function untilMark(page: Page, mark: string, timeoutMs = 120_000): Promise<number> {
  await page.waitForFunction(`window.__ll && window.__ll.marks[${JSON.stringify(mark)}] !== undefined`, { timeout: timeoutMs, polling: 20 });
  const m = await marksOf(page);
  return m.marks[mark]! - m.origin;
}

/** A blank extension page (the manifest, shown as text): navigation start to DOMContentLoaded. */
async function blankPage(session: Session): Promise<number> {
  const page = await session.browser.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/manifest.json`, { waitUntil: 'domcontentloaded' });
  const m = await marksOf(page);
  await page.close();
  return m.dcl;
}

/** ms from navigation start of an extension page until `mark` (funnel, board card, table row). */
async function extensionPageDraw(session: Session, path: string, mark: string): Promise<number> {
  const page = await probedPage(session, `chrome-extension://${session.extensionId}/${path}`);
  const ms = await untilMark(page, mark);
  await page.close();
  return ms;
}

async function request<T = unknown>(page: Page | Frame, type: string, payload: unknown): Promise<{ ms: number; value: T }> {
  return (await page.evaluate(
    `(async (t, p) => {
      const start = performance.now();
      const reply = await chrome.runtime.sendMessage({ leadline: 'request', type: t, payload: p });
      const ms = performance.now() - start;
      if (!reply || !reply.ok) throw new Error((reply && reply.error) || 'no reply');
      return { ms, value: reply.value };
    })(${JSON.stringify(type)}, ${JSON.stringify(payload)})`,
  )) as { ms: number; value: T };
}

/** Bare puts of one small record in the worker, each in its own transaction (the write floor). */
async function barePuts(session: Session, n: number): Promise<number[]> {
  return (await session.worker.evaluate(`(async () => {
    const out = [];
    const db = await new Promise((res) => {
      const r = indexedDB.open('leadline-bench-floor', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('x', { keyPath: 'id' });
      r.onsuccess = () => res(r.result);
    });
    for (let i = 0; i < ${n}; i++) {
      const t0 = performance.now();
      await new Promise((res) => { const tx = db.transaction('x', 'readwrite'); tx.objectStore('x').put({ id: i, name: 'x' + i }); tx.oncomplete = res; });
      out.push(performance.now() - t0);
    }
    db.close();
    return out;
  })()`)) as number[];
}

// ---------------------------------------------------------------------------------------------
// Fixtures served at real addresses

const PROFILES = [
  ['https://www.linkedin.com/in/parul-sharma-886a79227/', 'linkedin/2025-05_logged-in_parul-sharma-886a79227__smarthire.html'],
  ['https://www.linkedin.com/in/kireetagrawal/', 'linkedin/2022-03_logged-in_kireetagrawal__scrape-linkedin-selenium.html'],
] as const;
// A real-form thread address (shared/research/gmail-addresses.md: a thread from the inbox, quoted
// in public code) over the 2018 thread fixture; the content script needs the address to name a thread.
const GMAIL_BASE = 'https://mail.google.com/mail/u/0/';
const GMAIL_THREAD = `${GMAIL_BASE}#inbox/FMfcgzGtvsZDplKRXslJZrnlJwbkWwJF`;
const GMAIL_FIXTURE = 'gmail/2018-06_thread_new-gmail__synthetic.html';
/** The fixture's participants other than the user (jane.rep@northwind.io, from the page title). */
const GMAIL_PEOPLE = [
  { name: 'Tom Berg', emails: ['tom.berg@acme-robotics.com'] },
  { name: 'Kim Lee', emails: ['kim.lee@acme-robotics.com'] },
];

function route(session: Session) {
  for (const [url, file] of PROFILES) session.routes.set(url, file);
  session.routes.set(GMAIL_BASE, GMAIL_FIXTURE);
}

// ---------------------------------------------------------------------------------------------
// Phases

interface HostRun {
  dcl: number;
  longTasks: number;
  longTaskMs: number;
  /** Navigation start → the sidebar frame's landmark, and → its lead cards (extension runs). */
  sidebarMs: number | null;
  cardsMs: number | null;
}

/** One load of a host page; with `cards`, waits until that many lead cards are in the sidebar. */
async function hostLoad(session: Session, url: string, withSidebar: boolean, cards = 0): Promise<HostRun> {
  const page = await probedPage(session, url, true);
  await page.waitForFunction('document.readyState === "complete"', { timeout: 30_000 });
  let sidebarMs: number | null = null;
  let cardsMs: number | null = null;
  const host = await marksOf(page);
  if (withSidebar) {
    const frame = await sidebarFrame(page, 20_000);
    if (cards > 0) await frame.waitForFunction(`window.__ll && window.__ll.cards >= ${cards}`, { timeout: 20_000, polling: 20 });
    else await frame.waitForFunction('window.__ll && window.__ll.marks.aside !== undefined', { timeout: 20_000, polling: 20 });
    const inFrame = (await frame.evaluate('({ aside: window.__ll.marks.aside, cardsAt: window.__ll.cardsAt })')) as { aside: number; cardsAt: number | null };
    sidebarMs = inFrame.aside - host.origin;
    cardsMs = inFrame.cardsAt === null ? null : inFrame.cardsAt - host.origin;
  }
  await sleep(300);
  const lt = (await page.evaluate('window.__ll.longTasks')) as number[];
  await page.close();
  return { dcl: host.dcl, longTasks: lt.length, longTaskMs: lt.reduce((a, b) => a + b, 0), sidebarMs, cardsMs };
}

/** Host pages with ÷ without the extension, runs alternating between the two browsers. */
async function hostPages(main: Session, bare: Session, runs: number) {
  const out: Record<string, unknown> = {};
  for (const [name, url, cards] of [
    ['linkedin2025', PROFILES[0][0], 0],
    ['gmailThread', GMAIL_THREAD, GMAIL_PEOPLE.length],
  ] as const) {
    const withExt: HostRun[] = [];
    const without: HostRun[] = [];
    await hostLoad(main, url, true, cards); // warm both: the first load compiles and caches
    await hostLoad(bare, url, false);
    for (let i = 0; i < runs; i++) {
      withExt.push(await hostLoad(main, url, true, cards));
      without.push(await hostLoad(bare, url, false));
    }
    const dclWith = withExt.map((r) => r.dcl);
    const dclWithout = without.map((r) => r.dcl);
    out[name] = {
      dclWithMs: stat(dclWith),
      dclWithoutMs: stat(dclWithout),
      dclRatio: ratio(dclWith, dclWithout),
      target: 1.05,
      sidebarDrawnFromNavigationMs: stat(withExt.map((r) => r.sidebarMs!)),
      ...(cards > 0 ? { leadCardsDrawnFromNavigationMs: stat(withExt.map((r) => r.cardsMs!)) } : {}),
      longTasksWith: stat(withExt.map((r) => r.longTasks)),
      longTasksWithout: stat(without.map((r) => r.longTasks)),
      longTaskMsWith: stat(withExt.map((r) => r.longTaskMs)),
    };
  }
  return out;
}

/**
 * CPU time spent in the content script's own code (and what it calls) over 20 in-app navigations
 * between profiles and the feed, from a sampling profile of the tab (100 µs): samples whose stack
 * holds a frame of the content script's file.
 */
async function navigationScriptTime(main: Session): Promise<{ contentScriptMs: number; tabScriptMs: number }> {
  const page = await openTab(main);
  await page.goto(PROFILES[0][0], { waitUntil: 'load' });
  // The browser without the extension (the floor) has no sidebar to wait for.
  if (main.extensionId) await sidebarFrame(page, 20_000);
  await sleep(500);
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Performance.enable');
  const scriptMs = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  const before = await scriptMs();
  await cdp.send('Profiler.start');
  for (let i = 0; i < 20; i++) {
    const [url, fixture] = i % 3 === 2 ? ['https://www.linkedin.com/feed/', null] : PROFILES[i % 2]!;
    await spaNavigate(page, url, fixture, 100);
    await sleep(500);
  }
  const { profile } = await cdp.send('Profiler.stop');
  const tabScriptMs = (await scriptMs()) - before;
  await page.close();
  const ours = `chrome-extension://${main.extensionId}/content-scripts/`;
  const parent = new Map<number, number>();
  const mine = new Map<number, boolean>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const isMine = (id: number): boolean => {
    const known = mine.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id)!;
    const p = parent.get(id);
    const result = node.callFrame.url.startsWith(ours) || (p !== undefined && isMine(p));
    mine.set(id, result);
    return result;
  };
  let us = 0;
  profile.samples!.forEach((id, k) => {
    if (isMine(id)) us += profile.timeDeltas![k] ?? 0;
  });
  return { contentScriptMs: us / 1000, tabScriptMs };
}

/** Capture in the LinkedIn sidebar: click → lead card in the frame's DOM, timed inside the frame. */
async function captures(main: Session, runs: number) {
  const ext = await main.browser.newPage();
  await ext.goto(`chrome-extension://${main.extensionId}/popup.html`);
  const times: number[] = [];
  const trips: number[] = [];
  for (let i = 0; i < runs; i++) {
    // A fresh tab each time: Puppeteer loses track of a reloaded tab's extension frame now and then.
    const tab = await openTab(main);
    await tab.goto(PROFILES[0][0]);
    const frame = await sidebarFrame(tab, 20_000).catch(async (error: Error) => {
      const host = await tab.evaluate(`document.querySelector('[data-leadline]')?.outerHTML.slice(0, 300) ?? 'no host element'`);
      throw new Error(`capture ${i}: ${error.message}; ${host}`);
    });
    await frame.waitForSelector(button('Capture lead'), { timeout: 20_000 });
    await sleep(150); // the lookup's answer and its redraw are done
    // The floor's round trip, from the same frame.
    trips.push((await request(frame, 'settings.get', {})).ms);
    times.push(
      (await frame.evaluate(`(async () => {
        const capture = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Capture lead');
        const drawn = new Promise((resolve) => {
          const seen = () => document.querySelector('article.ll-card');
          new MutationObserver((_, observer) => { if (seen()) { observer.disconnect(); resolve(performance.now()); } }).observe(document, { childList: true, subtree: true });
        });
        const t0 = performance.now();
        capture.click();
        return (await drawn) - t0;
      })()`)) as number,
    );
    const found = await request<{ lead: { lead: { id: string } } }>(ext, 'lead.lookup', { linkedinUrl: PROFILES[0][0] });
    await request(ext, 'leads.delete', { ids: [found.value.lead.lead.id] });
    await tab.close();
  }
  await ext.close();
  return { times, trips };
}

/** Times of repeated captures (through messages) while `job` runs, and the same without it. */
async function capturesDuring(page: Page, job: () => Promise<unknown>, label: string): Promise<{ jobMs: number; during: number[]; popupDuring: number[] }> {
  const during: number[] = [];
  const popupDuring: number[] = [];
  let running = true;
  const t0 = Date.now();
  const jobDone = job().finally(() => (running = false));
  // Handled here too: a job failing while a capture is awaited would otherwise end the process.
  jobDone.catch(() => {});
  let k = 0;
  while (running) {
    const capture = await limit(
      request(page, 'lead.capture', { name: `Probe ${label} ${k}`, source: 'manual', emails: [`probe-${label}-${k++}@bench.example`] }),
      120_000,
      'a capture',
    );
    during.push(capture.ms);
    popupDuring.push((await limit(request(page, 'summary.get', {}), 120_000, 'a popup read')).ms);
    await sleep(60);
  }
  await jobDone;
  return { jobMs: Date.now() - t0, during, popupDuring };
}

/** Popup: funnel drawn, at `leads` leads, runs alternating with a blank extension page. */
async function popupRuns(session: Session, runs: number): Promise<{ draw: number[]; blank: number[] }> {
  const draw: number[] = [];
  const blank: number[] = [];
  await extensionPageDraw(session, 'popup.html', 'funnel');
  await blankPage(session);
  for (let i = 0; i < runs; i++) {
    blank.push(await blankPage(session));
    draw.push(await extensionPageDraw(session, 'popup.html', 'funnel'));
  }
  return { draw, blank };
}

const QUERIES = [
  // The earlier benchmark's set (single words, prefixes, multi-word), kept for comparison.
  'acme',
  'glob',
  'lead 99',
  'lead4242',
  'hooli 5',
  'vandelay',
  'stark 1',
  'wayne',
  'ini',
  'umbrella 96',
  'lead acme 12',
  'wayne lead',
  // More of what a rep types: a whole name, an email, a company and its number, and words that
  // are each common but rare together.
  'lead 4242 hooli',
  'lead77@',
  'initech 42',
  'stark wayne 7',
  'zzz',
];

/** Key-cursor floor of a query: a bare key cursor over the smallest of its words' index ranges, to the end. */
async function searchFloor(session: Session, words: string[]): Promise<{ ms: number; entries: number }> {
  return (await session.worker.evaluate(`(async (words) => {
    const db = await new Promise((res) => { const r = indexedDB.open('leadline'); r.onsuccess = () => res(r.result); });
    const index = db.transaction('leads').objectStore('leads').index('bySearchRow');
    const count = (w) => new Promise((res) => { const q = index.count(IDBKeyRange.bound(w, w + '\\uffff')); q.onsuccess = () => res(q.result); });
    const counts = await Promise.all(words.map(count));
    const w = words[counts.indexOf(Math.min(...counts))];
    const t0 = performance.now();
    let entries = 0;
    await new Promise((res) => {
      const q = db.transaction('leads').objectStore('leads').index('bySearchRow').openKeyCursor(IDBKeyRange.bound(w, w + '\\uffff'));
      q.onsuccess = () => { const c = q.result; if (c) { entries++; c.continue(); } else res(); };
    });
    const ms = performance.now() - t0;
    db.close();
    return { ms, entries };
  })(${JSON.stringify(words)})`)) as { ms: number; entries: number };
}

/** Table jump: scroll to `row` and wait until that row (its id known beforehand) is drawn in view. */
async function jump(page: Page, row: number, id: string): Promise<number> {
  return (await page.evaluate(`(async () => {
    const box = document.querySelector('.ll-table-scroll');
    const want = ${JSON.stringify(id)};
    const t0 = performance.now();
    box.scrollTop = ${row} * 36;
    const visible = () => { const tr = document.querySelector('tr[data-id="' + want + '"]'); if (!tr) return false; const r = tr.getBoundingClientRect(); const b = box.getBoundingClientRect(); return r.bottom > b.top && r.top < b.bottom; };
    await new Promise((resolve) => {
      if (visible()) return resolve();
      new MutationObserver((_, o) => { if (visible()) { o.disconnect(); resolve(); } }).observe(box, { childList: true, subtree: true });
    });
    return performance.now() - t0;
  })()`)) as number;
}

/** Floors of a jump: a bare key cursor advanced to `row` of a sort index, and one advanced 999 then 100 values read. */
async function jumpFloor(session: Session, index: string, direction: string, row: number): Promise<{ coldMs: number; warmMs: number }> {
  return (await session.worker.evaluate(`(async () => {
    const db = await new Promise((res) => { const r = indexedDB.open('leadline'); r.onsuccess = () => res(r.result); });
    const idx = () => db.transaction('leads').objectStore('leads').index(${JSON.stringify(index)});
    let t0 = performance.now();
    await new Promise((res) => { let first = true; const q = idx().openKeyCursor(null, ${JSON.stringify(direction)}); q.onsuccess = () => { const c = q.result; if (first && c) { first = false; c.advance(${row}); } else res(); }; });
    const coldMs = performance.now() - t0;
    t0 = performance.now();
    await new Promise((res) => { let first = true; const q = idx().openKeyCursor(null, ${JSON.stringify(direction)}); q.onsuccess = () => { const c = q.result; if (first && c) { first = false; c.advance(999); } else res(); }; });
    await new Promise((res) => { let n = 0; const q = idx().openCursor(null, ${JSON.stringify(direction)}); q.onsuccess = () => { const c = q.result; if (c && ++n < 100) c.continue(); else res(); }; });
    const warmMs = performance.now() - t0;
    db.close();
    return { coldMs, warmMs };
  })()`)) as { coldMs: number; warmMs: number };
}

function bundleSizes() {
  const out: Record<string, Record<string, { raw: number; gzip: number }>> = {};
  for (const target of ['chrome-mv3', 'firefox-mv3']) {
    const dir = join(ROOT, '.output', target);
    if (!existsSync(dir)) continue;
    const files: Record<string, { raw: number; gzip: number }> = {};
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const path = join(d, f);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(js|css|html)$/.test(f)) {
          const data = readFileSync(path);
          files[path.slice(dir.length + 1)] = { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
        }
      }
    };
    walk(dir);
    out[target] = files;
  }
  const kb = (n: number) => round(n / 1024);
  const summary = Object.fromEntries(
    Object.entries(out).map(([target, files]) => {
      const sum = (re: RegExp) => kb(Object.entries(files).reduce((a, [f, s]) => a + (re.test(f) ? s.gzip : 0), 0));
      return [
        target,
        {
          linkedinContentScriptKbGzip: sum(/content-scripts\/linkedin\.js$/),
          gmailContentScriptKbGzip: sum(/content-scripts\/gmail\.js$/),
          backgroundKbGzip: sum(/^background\.js$/),
          popupKbGzip: sum(/chunks\/(popup|jsxRuntime|leadline|funnel)-[^/]*\.js$/),
          sidebarKbGzip: sum(/chunks\/(sidebar|jsxRuntime|leadline)-[^/]*\.js$/),
          pipelineKbGzip: sum(/chunks\/pipeline-[^/]*\.js$/),
          budgets: { contentScriptKbGzip: 40, popupKbGzip: 30 },
        },
      ];
    }),
  );
  return { summary, files: out };
}

/** A CSV of `n` LinkedIn connections, some without email. */
function connectionsCsv(n: number): string {
  const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < n; i++)
    lines.push(
      `Person,Number ${i},https://www.linkedin.com/in/csv-person-${i},${i % 3 ? `p${i}@csv.example` : ''},Company ${i % 500},Role ${i % 40},01 Nov 2026`,
    );
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const only = new Set((process.env.BENCH_ONLY ?? '').split(',').filter(Boolean));
  const wants = (name: string) => only.size === 0 || only.has(name);
  const runs = Number(process.env.BENCH_RUNS ?? 7);
  const phases: Record<string, number> = {};
  const errors: Record<string, string> = {};
  const results: Record<string, unknown> = {};
  const phase = async <T>(name: string, run: () => Promise<T>): Promise<T | undefined> => {
    if (!wants(name)) return undefined;
    const t0 = Date.now();
    try {
      return await run();
    } catch (error) {
      // One phase failing must not lose the others' figures.
      errors[name] = String((error as Error).message ?? error).split('\n')[0]!;
      console.error(`bench: ${name} failed`, error);
      return undefined;
    } finally {
      phases[name] = Math.round((Date.now() - t0) / 100) / 10;
      console.error(`bench: ${name} took ${phases[name]} s (load ${loadavg()[0]!.toFixed(1)})`);
      // What is known so far, in case a later phase takes the run down.
      writeFileSync(join(ROOT, 'bench-results.partial.json'), `${JSON.stringify({ ...results, phasesS: phases, errors }, null, 2)}\n`);
    }
  };
  const [empty, bare] = await Promise.all([launch(), launch({ extension: false })]);
  const profile = mkdtempSync(join(tmpdir(), 'leadline-bench-main-'));
  const needs100k = ['hostPages', 'navigations', 'popup100k', 'search', 'capture100k', 'pipeline', 'jobs', 'backup'].some(wants);
  let main: Session = empty;
  const scratch = mkdtempSync(join(tmpdir(), 'leadline-bench-'));
  const load = [loadavg()[0]!];
  try {
    results.bundles = (await phase('bundles', async () => bundleSizes()))?.summary;
    if (needs100k) {
      const t0 = Date.now();
      const seeded = await mainAt100k(profile, (line) => console.error(`bench: ${line}`));
      main = seeded.session;
      results.seed = { leads: 100_000, touchpoints: 500_000, ...seeded.seed };
      phases.seed = Math.round((Date.now() - t0) / 100) / 10;
      console.error(`bench: seed took ${phases.seed} s (load ${loadavg()[0]!.toFixed(1)})`);
    }
    for (const s of [main, empty, bare]) route(s);
    results.machine = `${process.platform} ${process.arch}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${await empty.browser.version()}`;
    const mainPage = await main.browser.newPage();
    await mainPage.goto(`chrome-extension://${main.extensionId}/popup.html`);
    const emptyPage = await empty.browser.newPage();
    await emptyPage.goto(`chrome-extension://${empty.extensionId}/popup.html`);
    void emptyPage;
    await sleep(2000);

    // Popup at 0 leads (the empty browser), before anything is stored there.
    const popup: Record<string, { draw: number[]; blank: number[] }> = {};
    await phase('popup0', async () => {
      popup.at0 = await popupRuns(empty, runs + 2);
    });

    // Capture at a small pipeline, the floor measured from the same frame and worker.
    const capture: Record<string, unknown> = {};
    await phase('capture', async () => {
      const small = await captures(empty, runs * 3);
      const puts = await barePuts(empty, runs * 3);
      const floor = small.trips.map((t, i) => t + puts[i]!);
      capture.emptyPipeline = {
        clickToCardMs: stat(small.times),
        roundTripMs: stat(small.trips),
        barePutMs: stat(puts),
        floorMs: stat(floor),
        ratio: ratio(small.times, floor),
        target: 3,
      };
    });

    // Host pages at 100,000 leads (DCL with ÷ without, sidebar and lead cards drawn, long tasks)
    // and the content script's own script time.
    await phase('hostPages', async () => {
      for (const person of GMAIL_PEOPLE) await request(mainPage, 'lead.capture', { ...person, source: 'gmail' });
      const host = await hostPages(main, bare, runs);
      const blank: number[] = [];
      const trips: number[] = [];
      for (let i = 0; i < runs; i++) {
        blank.push(await blankPage(main));
        trips.push((await request(mainPage, 'lead.lookup', { email: GMAIL_PEOPLE[0]!.emails[0] })).ms);
      }
      const gmail = host.gmailThread as { dclWithoutMs: Stat; leadCardsDrawnFromNavigationMs: Stat };
      const floor = gmail.dclWithoutMs.median + median(blank) + median(trips);
      results.hostPages = {
        ...host,
        gmailThreadToLeadCards: {
          ms: gmail.leadCardsDrawnFromNavigationMs,
          floorMs: round(floor),
          floorIs: 'the page without the extension to DOMContentLoaded + a blank extension page + one lookup round trip',
          ratio: round(gmail.leadCardsDrawnFromNavigationMs.median / floor),
        },
      };
    });
    await phase('navigations', async () => {
      const rows: { contentScriptMs: number; tabScriptMs: number }[] = [];
      const bareRows: number[] = [];
      for (let i = 0; i < 3; i++) rows.push(await navigationScriptTime(main));
      bareRows.push((await navigationScriptTime(bare)).tabScriptMs);
      results.contentScriptOver20Navigations = {
        contentScriptMs: stat(rows.map((r) => r.contentScriptMs)),
        target: 30,
        how: 'CPU profile of the tab (100 µs samples): samples with a content-script frame on the stack',
        tabScriptMsWith: stat(rows.map((r) => r.tabScriptMs)),
        tabScriptMsWithout: stat(bareRows),
      };
    });

    // CSV import of 10,000 rows into the empty browser's pipeline, against bare puts of as many leads.
    await phase('csvImport', async () => {
      const csv = join(scratch, 'connections-10k.csv');
      writeFileSync(csv, connectionsCsv(10_000));
      const tab = await empty.browser.newPage();
      await tab.goto(`chrome-extension://${empty.extensionId}/pipeline.html#view=data`);
      await (await tab.waitForSelector('input[type="file"][accept^=".csv"]'))!.uploadFile(csv);
      await tab.waitForSelector('::-p-text(Import 10,000 rows)');
      const t0 = Date.now();
      await tab.click('::-p-text(Import 10,000 rows)');
      await tab.waitForSelector('[data-testid="import-summary"]', { timeout: 300_000 });
      const ms = Date.now() - t0;
      const summary = await tab.$eval('[data-testid="import-summary"]', (el) => el.textContent);
      await tab.close();
      const floorMs = (await empty.worker.evaluate(`(async () => {
        const db = await new Promise((res) => { const r = indexedDB.open('leadline'); r.onsuccess = () => res(r.result); });
        const lead = await new Promise((res) => { const q = db.transaction('leads').objectStore('leads').getAll(null, 1); q.onsuccess = () => res(q.result[0]); });
        const t0 = performance.now();
        await new Promise((res) => {
          const tx = db.transaction('leads', 'readwrite');
          for (let i = 0; i < 10000; i++) tx.objectStore('leads').put({ ...lead, id: 'floor-' + i, linkedinUrl: 'https://www.linkedin.com/in/floor-' + i + '/', emails: ['floor' + i + '@x.example'], searchRows: [], searchKeys: [] });
          tx.oncomplete = res;
        });
        const tx = db.transaction('leads', 'readwrite');
        tx.objectStore('leads').delete(IDBKeyRange.bound('floor-', 'floor-\\uffff'));
        await new Promise((res) => (tx.oncomplete = res));
        db.close();
        return performance.now() - t0;
      })()`)) as number;
      results.csvImport = { rows: 10_000, ms, barePutsFloorMs: round(floorMs), ratio: round(ms / floorMs), summary, runs: 1 };
    });

    // Popup at 1,000 leads (the empty browser, after the import it is not empty: seeded afresh).
    await phase('popup1k', async () => {
      await empty.worker.evaluate(`(async () => {
        const db = await new Promise((res) => { const r = indexedDB.open('leadline'); r.onsuccess = () => res(r.result); });
        await new Promise((res) => { const tx = db.transaction(['leads', 'touchpoints', 'meta', 'trash'], 'readwrite'); for (const s of ['leads', 'touchpoints', 'meta', 'trash']) tx.objectStore(s).clear(); tx.oncomplete = res; });
        db.close();
      })()`);
      await seed(empty, 0, 1000, Date.now());
      popup.at1k = await popupRuns(empty, runs);
    });

    await phase('popup100k', async () => {
      popup.at100k = await popupRuns(main, runs + 2);
    });
    if (popup.at0 || popup.at100k) {
      const p = (k: string) =>
        popup[k] ? { drawMs: stat(popup[k]!.draw), blankPageMs: stat(popup[k]!.blank), ratioToBlank: ratio(popup[k]!.draw, popup[k]!.blank) } : undefined;
      results.popup = {
        leads0: p('at0'),
        leads1k: p('at1k'),
        leads100k: p('at100k'),
        ratio100kToBlank: popup.at100k ? ratio(popup.at100k.draw, popup.at100k.blank) : undefined,
        ratio100kTo0: popup.at100k && popup.at0 ? ratio(popup.at100k.draw, popup.at0.draw) : undefined,
        targets: { ratio100kToBlank: 1.5, ratio100kTo0: 1.25 },
      };
    }

    await phase('search', async () => {
      const perQuery: Record<string, unknown> = {};
      const all: number[] = [];
      for (const q of QUERIES) await request(mainPage, 'leads.search', { query: q }); // warm
      for (const q of QUERIES) {
        const times: number[] = [];
        let hits = 0;
        for (let i = 0; i < 5; i++) {
          const r = await request<unknown[]>(mainPage, 'leads.search', { query: q });
          times.push(r.ms);
          hits = r.value.length;
        }
        all.push(...times);
        const words = q
          .toLowerCase()
          .split(/[^\p{L}\p{N}@._+-]+/u)
          .filter(Boolean);
        const floor = await searchFloor(main, words);
        perQuery[q] = { ms: stat(times), hits, smallestRangeEntries: floor.entries, bareKeyCursorOverItMs: round(floor.ms) };
      }
      const trips: number[] = [];
      for (let i = 0; i < 20; i++) trips.push((await request(mainPage, 'settings.get', {})).ms);
      results.quickSearchAt100k = {
        allRunsMs: { median: round(median(all)), p95: round(p95(all)), max: round(Math.max(...all)), n: all.length },
        targets: { p95: 50, max: 100 },
        roundTripMs: stat(trips),
        perQuery,
      };
    });

    await phase('capture100k', async () => {
      const big = await captures(main, runs * 2);
      const puts = await barePuts(main, runs * 2);
      const floor = big.trips.map((t, i) => t + puts[i]!);
      capture.at100k = {
        clickToCardMs: stat(big.times),
        roundTripMs: stat(big.trips),
        barePutMs: stat(puts),
        floorMs: stat(floor),
        ratio: ratio(big.times, floor),
        target: 3,
      };
    });
    if (Object.keys(capture).length)
      results.capture = {
        ...capture,
        how: 'in the sidebar frame: click on "Capture lead" → the lead card in the DOM (MutationObserver); floor = message round trip from that frame + one bare put',
      };

    await phase('pipeline', async () => {
      const blank: number[] = [];
      const board: number[] = [];
      const table: number[] = [];
      const filtered: number[] = [];
      const insights: number[] = [];
      for (let i = 0; i < runs; i++) {
        blank.push(await blankPage(main));
        board.push(await extensionPageDraw(main, 'pipeline.html', 'board'));
        table.push(await extensionPageDraw(main, 'pipeline.html#view=table&sort=name', 'row'));
        filtered.push(await extensionPageDraw(main, 'pipeline.html#view=table&stage=qualified&sort=value&desc=1', 'row'));
        // The Insights view over every lead (all time): funnel, time in stage, outcomes, sources, trend.
        insights.push(await extensionPageDraw(main, 'pipeline.html#view=insights&period=all', 'insights'));
      }
      // Jumps: sorted by name, and filtered + sorted. The first right after the table is drawn
      // (the anchors are still being recorded in the background), the later ones 2.5 s on.
      const jumps: Record<string, unknown> = {};
      const today = localDay(new Date());
      for (const [name, hash, sort, filter, index, direction] of [
        ['sortedByName', 'view=table&sort=name', 'name', {}, 'sort.name', 'next'],
        ['qualifiedByValueDesc', 'view=table&stage=qualified&sort=value&desc=1', 'value', { stage: 'qualified' }, 'sort.value', 'prev'],
      ] as const) {
        const query = { filter, sort, desc: direction === 'prev', today, limit: 1 };
        // Unfiltered, the total is the aggregates' (asking the table would start its anchors).
        const total =
          Object.keys(filter).length === 0
            ? (await request<{ aggregates: { total: number } }>(mainPage, 'summary.get', {})).value.aggregates.total
            : (await request<{ total: number }>(mainPage, 'leads.table', { ...query, offset: 0 })).value.total;
        const rows = [Math.floor(total * 0.9), Math.floor(total * 0.5), total - 5];
        // The expected row ids, read beside the extension (a bare cursor) when no filter applies,
        // so asking does not record anchors for the page; a filtered query is one cached list anyway.
        const ids: string[] = [];
        for (const row of rows) {
          if (Object.keys(filter).length === 0) {
            ids.push(
              (await main.worker.evaluate(`(async () => {
                const db = await new Promise((res) => { const r = indexedDB.open('leadline'); r.onsuccess = () => res(r.result); });
                const id = await new Promise((res) => { let first = true; const q = db.transaction('leads').objectStore('leads').index(${JSON.stringify(index)}).openKeyCursor(null, ${JSON.stringify(direction)}); q.onsuccess = () => { const c = q.result; if (first && c && ${row} > 0) { first = false; c.advance(${row}); } else res(c && c.primaryKey); }; });
                db.close();
                return id;
              })()`)) as string,
            );
          } else ids.push((await request<{ rows: { id: string }[] }>(mainPage, 'leads.table', { ...query, offset: row })).value.rows[0]!.id);
        }
        const first: number[] = [];
        const later: number[] = [];
        for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) {
          const tab = await probedPage(main, `chrome-extension://${main.extensionId}/pipeline.html#${hash}`);
          await untilMark(tab, 'row');
          first.push(await jump(tab, rows[0]!, ids[0]!));
          await sleep(2500);
          later.push(await jump(tab, rows[1]!, ids[1]!));
          later.push(await jump(tab, rows[2]!, ids[2]!));
          await tab.close();
          // A write in between drops the anchors, as a capture elsewhere would.
          const probe = await request<{ lead: { lead: { id: string } } }>(mainPage, 'lead.capture', { name: 'Anchor reset', source: 'manual' });
          await request(mainPage, 'leads.delete', { ids: [probe.value.lead.lead.id] });
        }
        const floor = await jumpFloor(main, index, direction, rows[0]!);
        jumps[name] = {
          total,
          rows,
          firstJumpMs: stat(first),
          laterJumpsMs: stat(later),
          target: 200,
          floors: { bareKeyCursorToRowMs: round(floor.coldMs), bareKeyCursor999Then100ValuesMs: round(floor.warmMs) },
        };
      }
      results.pipelinePage = {
        blankPageMs: stat(blank),
        boardDrawMs: stat(board),
        tableByNameDrawMs: stat(table),
        tableFilteredSortedDrawMs: stat(filtered),
        insightsDrawMs: stat(insights),
        ratios: { board: ratio(board, blank), table: ratio(table, blank), tableFilteredSorted: ratio(filtered, blank), insights: ratio(insights, blank) },
        target: 2.5,
        jumps,
      };
    });

    // Bulk jobs at 100k leads / 500k touchpoints, with captures and popup reads going on.
    await phase('jobs', async () => {
      const idle: number[] = [];
      const idlePopup: number[] = [];
      for (let i = 0; i < 15; i++) {
        idle.push((await request(mainPage, 'lead.capture', { name: `Probe idle ${i}`, source: 'manual', emails: [`probe-idle-${i}@bench.example`] })).ms);
        idlePopup.push((await request(mainPage, 'summary.get', {})).ms);
      }
      const jobs: Record<string, unknown> = {};
      const report = async (name: string, recordKey: string | null, run: () => Promise<unknown>) => {
        const r = await capturesDuring(mainPage, () => limit(run(), JOB_LIMIT_MS, name), name).catch((error: Error) => {
          errors[`jobs.${name}`] = error.message;
          return null;
        });
        if (!r) return;
        const record = recordKey ? await getMeta<Record<string, unknown>>(main, recordKey) : undefined;
        const stats = (record?.finished ?? record) as Record<string, unknown> | undefined;
        jobs[name] = {
          jobMs: r.jobMs,
          ...(name === 'hourlyRefresh' || name === 'stageReorder' ? { target: 2000 } : {}),
          transactions: stats?.chunks,
          longestTransactionMs: stats?.longestChunkMs,
          leadsVisited: stats?.items,
          captureDuringMs: stat(r.during),
          captureBlockedMaxMs: round(Math.max(...r.during) - median(idle)),
          popupReadDuringMs: stat(r.popupDuring),
        };
      };
      // The hourly refresh: the alarm fired now (the seed is an hour old: an hour's worth is due).
      const alarm = async () => {
        const before = await getMeta<{ at: string }>(main, 'job.refresh');
        await main.worker.evaluate(`chrome.alarms.create('leadline-refresh', { when: Date.now() })`);
        const deadline = Date.now() + JOB_LIMIT_MS;
        for (;;) {
          const rec = await getMeta<{ at: string }>(main, 'job.refresh');
          if (rec && rec.at !== before?.at) break;
          if (Date.now() > deadline) throw new Error(`the refresh did not finish within ${JOB_LIMIT_MS / 1000} s`);
          await sleep(50);
        }
        await main.worker.evaluate(`chrome.alarms.create('leadline-refresh', { periodInMinutes: 60, delayInMinutes: 60 })`);
      };
      await report('hourlyRefresh', 'job.refresh', alarm);
      const settings = (await request<typeof SETTINGS>(mainPage, 'settings.get', {})).value;
      // A stage reorder: Contacted and Nurturing swapped. Nothing stored depends on the order.
      const swapped = [...settings.stages];
      [swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
      await report('stageReorder', null, () => request(mainPage, 'settings.save', { ...settings, stages: swapped }));
      // A threshold change: every open lead's temperature recomputed from its touchpoints.
      await report('thresholdChange', 'job.rederive', () =>
        request(mainPage, 'settings.save', {
          ...settings,
          stages: swapped,
          thresholds: { ...settings.thresholds, salesCycleDays: settings.thresholds.salesCycleDays + 1 },
        }),
      );
      // The aggregates rebuilt from every lead (the repair path; also after a stage is added or removed).
      await report('aggregatesRebuild', 'job.aggregates', () => request(mainPage, 'aggregates.rebuild', {}));
      results.jobsAt100k = { idleCaptureMs: stat(idle), idlePopupReadMs: stat(idlePopup), targets: { jobMs: 2000, captureBlockedMaxMs: 50 }, ...jobs };
    });

    await phase('backup', async () => {
      const floorMs = (await mainPage.evaluate(`(async () => {
        const db = await new Promise((res) => { const r = indexedDB.open('leadline'); r.onsuccess = () => res(r.result); });
        const t0 = performance.now();
        const tx = db.transaction(['leads', 'touchpoints']);
        await Promise.all(['leads', 'touchpoints'].map((s) => new Promise((res) => { tx.objectStore(s).getAll().onsuccess = res; })));
        const ms = performance.now() - t0;
        db.close();
        return ms;
      })()`)) as number;
      const cdp = await main.browser.target().createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: scratch });
      const tab = await main.browser.newPage();
      await tab.goto(`chrome-extension://${main.extensionId}/pipeline.html#view=data`);
      await tab.waitForSelector('::-p-text(Download backup (JSON))');
      const t0 = Date.now();
      await tab.click('::-p-text(Download backup (JSON))');
      await tab.waitForSelector('::-p-text(Backup of)', { timeout: 300_000 });
      const ms = Date.now() - t0;
      await tab.close();
      results.backup = { ms, readStoresFloorMs: round(floorMs), ratio: round(ms / floorMs), runs: 1 };
    });

    load.push(loadavg()[0]!);
    results.loadAverage = { start: round(load[0]!), end: round(load.at(-1)!) };
    results.phasesS = phases;
    if (Object.keys(errors).length > 0) results.errors = errors;
    results.durationS = Math.round((Date.now() - started) / 1000);
    const json = JSON.stringify(results, null, 2);
    writeFileSync(join(ROOT, only.size ? 'bench-results.partial.json' : 'bench-results.json'), `${json}\n`);
    console.log(json);
    if (Object.keys(errors).length > 0) process.exitCode = 1;
  } finally {
    await Promise.all([main === empty ? undefined : main.close(), empty.close(), bare.close()]);
    rmSync(scratch, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// `npm run bench`: what users feel, measured in real Chromium with the built extension. Prints one
// JSON object (also written to bench-results.json). Each figure sits beside a floor or baseline
// measured in the same run, because these machines are noisy. Not run in CI.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'puppeteer-core';
import { button, click, EXTENSION_DIR, launch, openTab, ROOT, type Session } from '../tests/e2e/harness';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
const round = (x: number) => Math.round(x * 100) / 100;

/** Adds `count` leads with 5 touchpoints each straight into the extension's IndexedDB (seed only). */
async function seed(session: Session, from: number, count: number): Promise<void> {
  await session.worker.evaluate(
    async (start: number, n: number) => {
      // No named helpers in here: the bundler would wrap them in a helper the worker lacks.
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('leadline');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const stages = ['prospect', 'qualified', 'contacted', 'nurturing', 'proposal', 'negotiation', 'won'];
      const temps = ['hot', 'warm', 'cold'];
      const words = ['acme', 'globex', 'initech', 'umbrella', 'stark', 'wayne', 'hooli', 'vandelay'];
      const batch = 2000;
      for (let b = start; b < start + n; b += batch) {
        await new Promise<void>((res, rej) => {
          const tx = db.transaction(['leads', 'touchpoints'], 'readwrite');
          const leads = tx.objectStore('leads');
          const tps = tx.objectStore('touchpoints');
          for (let i = b; i < Math.min(start + n, b + batch); i++) {
            const stageIndex = i % 6;
            const created = new Date(Date.UTC(2026, i % 11, 1 + (i % 27))).toISOString();
            const company = `${words[i % words.length]} ${i % 97}`;
            const name = `Lead ${i} ${words[(i * 7) % words.length]}`;
            leads.put({
              id: `seed-${i}`, name, headline: null, company, location: null, linkedinUrl: `https://www.linkedin.com/in/seed-${i}/`,
              photoUrl: null, emails: [`lead${i}@${words[i % words.length]}.example`], source: 'import', stage: stages[stageIndex],
              reached: stages.slice(0, stageIndex + 1), stageHistory: [{ from: null, to: stages[stageIndex], at: created }], lost: null, later: null,
              qualification: { budget: 'unknown', authority: 'unknown', need: 'unknown', timeframe: 'none' },
              temperature: temps[i % 3], temperatureReasons: ['seeded'], temperatureOverride: null, dealValue: (i % 50) * 100, currency: 'USD',
              expectedCloseOn: null, nextFollowUpOn: i % 10 === 0 ? '2026-11-01' : null, tags: [], notes: '', lastTouchAt: created,
              createdAt: created, updatedAt: created,
              searchKeys: [...name.toLowerCase().split(' '), ...company.toLowerCase().split(' '), `lead${i}@${words[i % words.length]}.example`, `lead${i}`],
            });
            for (let t = 0; t < 5; t++) {
              tps.put({ id: `seed-${i}-${t}`, leadId: `seed-${i}`, channel: 'email', direction: t % 2 ? 'inbound' : 'outbound', at: created, summary: 'seeded', url: null, externalId: null, createdAt: created });
            }
          }
          tx.oncomplete = () => res();
          tx.onerror = () => rej(tx.error);
        });
      }
      db.close();
    },
    from,
    count,
  );
}

async function extensionPage(session: Session): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  return page;
}

/** Sends one protocol request from an extension page and returns the round-trip time in ms. */
async function timedRequest(page: Page, type: string, payload: unknown): Promise<number> {
  return page.evaluate(async (t, p) => {
    const start = performance.now();
    const reply = await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime.sendMessage({ leadline: 'request', type: t, payload: p });
    if (!reply.ok) throw new Error(reply.error);
    return performance.now() - start;
  }, type, payload);
}

/** Opens the popup `runs` times; ms from navigation start to the funnel drawn (also at 0 leads). */
async function popupDraw(session: Session, runs = 7): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await session.browser.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('svg.ll-funnel');
    times.push(await page.evaluate(() => performance.now()));
    await page.close();
  }
  return median(times);
}

/** A blank extension page: the floor under any popup draw. */
async function blankPageFloor(session: Session, runs = 7): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await session.browser.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/manifest.json`, { waitUntil: 'domcontentloaded' });
    times.push(await page.evaluate(() => performance.now()));
    await page.close();
  }
  return median(times);
}

function bundleSizes() {
  const out: Record<string, { raw: number; gzip: number }> = {};
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const path = join(dir, f);
      if (statSync(path).isDirectory()) walk(path);
      else if (f.endsWith('.js')) {
        const data = readFileSync(path);
        out[path.slice(EXTENSION_DIR.length + 1)] = { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
      }
    }
  };
  walk(EXTENSION_DIR);
  return out;
}

async function main() {
  const started = Date.now();
  const session = await launch();
  try {
    const results: Record<string, unknown> = { machine: `${process.platform} ${process.arch}, ${(await session.browser.version())}` };

    // Capture latency: click → stored → lead card, against a message round trip + a bare put.
    session.routes.set('https://www.linkedin.com/in/', 'linkedin/2025-05_logged-in_parul-sharma-886a79227__smarthire.html');
    const tab = await openTab(session);
    const captures: number[] = [];
    for (let i = 0; i < 50; i++) {
      await tab.goto(`https://www.linkedin.com/in/bench-${i}/`);
      await tab.waitForSelector(button('Capture lead'));
      const t0 = Date.now();
      await click(tab, button('Capture lead'));
      await tab.waitForSelector('>>> article.ll-card');
      captures.push(Date.now() - t0);
    }
    const page = await extensionPage(session);
    const roundTrips: number[] = [];
    for (let i = 0; i < 50; i++) roundTrips.push(await timedRequest(page, 'settings.get', {}));
    const puts: number[] = await session.worker.evaluate(async () => {
      const out: number[] = [];
      const db = await new Promise<IDBDatabase>((res) => {
        const r = indexedDB.open('leadline-bench-floor', 1);
        r.onupgradeneeded = () => r.result.createObjectStore('x', { keyPath: 'id' });
        r.onsuccess = () => res(r.result);
      });
      for (let i = 0; i < 50; i++) {
        const t0 = performance.now();
        await new Promise<void>((res) => {
          const tx = db.transaction('x', 'readwrite');
          tx.objectStore('x').put({ id: i, name: `x${i}` });
          tx.oncomplete = () => res();
        });
        out.push(performance.now() - t0);
      }
      return out;
    });
    const baseline = median(roundTrips) + median(puts);
    results.capture = {
      medianMs: median(captures), p95Ms: p95(captures), baselineMs: round(baseline),
      note: 'click → stored → card drawn (includes the click and one animation frame); baseline = message round trip + bare put',
      ratio: round(median(captures) / baseline), target: 3,
    };

    // Popup first draw at 0, 1,000 and 100,000 leads (5 touchpoints each).
    await session.worker.evaluate(
      () =>
        new Promise<void>((res) => {
          const r = indexedDB.open('leadline');
          r.onsuccess = () => {
            const tx = r.result.transaction(['leads', 'touchpoints', 'meta'], 'readwrite');
            for (const s of ['leads', 'touchpoints', 'meta']) tx.objectStore(s).clear();
            tx.oncomplete = () => {
              r.result.close();
              res();
            };
          };
        }),
    );
    await timedRequest(page, 'aggregates.rebuild', {});
    const floor = await blankPageFloor(session);
    const at0 = await popupDraw(session);
    await seed(session, 0, 1000);
    await timedRequest(page, 'aggregates.rebuild', {});
    const at1k = await popupDraw(session);
    const seedStart = Date.now();
    await seed(session, 1000, 99_000);
    const seedMs = Date.now() - seedStart;
    const rebuildMs = await timedRequest(page, 'aggregates.rebuild', {});
    const at100k = await popupDraw(session);
    const searches: number[] = [];
    for (const q of ['acme', 'glob', 'lead 99', 'lead4242', 'hooli 5', 'vandelay', 'stark 1', 'wayne', 'ini', 'umbrella 96']) {
      searches.push(await timedRequest(page, 'leads.search', { query: q }));
    }
    results.popup = {
      blankPageMs: round(floor), drawMs: { leads0: round(at0), leads1k: round(at1k), leads100k: round(at100k) },
      ratio100kTo0: round(at100k / at0), target: 1.25,
      quickSearchAt100kMs: { median: round(median(searches)), p95: round(p95(searches)) },
      seed100kMs: seedMs, aggregatesRebuildAt100kMs: round(rebuildMs),
    };
    results.bundles = bundleSizes();
    results.durationS = Math.round((Date.now() - started) / 1000);
    const json = JSON.stringify(results, null, 2);
    writeFileSync(join(ROOT, 'bench-results.json'), `${json}\n`);
    console.log(json);
  } finally {
    await session.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

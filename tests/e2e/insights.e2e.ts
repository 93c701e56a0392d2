import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launch, openExtensionPage, textOf, until, type Session } from './harness';
import { seedPipeline } from './insights-seed';

/** The cells of one of the Insights tables (the table behind a chart is in the page even while hidden). */
async function tableRows(page: Page, id: string): Promise<string[][]> {
  await page.waitForSelector(`table[data-table="${id}"]`);
  return page.$$eval(`table[data-table="${id}"] tbody tr`, (rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
}

const month = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

describe('Insights: funnel, time in stage, outcomes, sources and trend of a seeded pipeline', () => {
  let session: Session;
  let page: Page;
  let downloads: string;
  let seededAt: Date;
  const open = async (hash: string) => {
    // A fresh load each time: a new address differing only in its hash would keep the old figures on screen a moment.
    await page.goto('about:blank');
    await page.goto(`chrome-extension://${session.extensionId}/pipeline.html#${hash}`);
    await page.waitForSelector('[data-testid="insights-scope"]');
  };

  beforeAll(async () => {
    session = await launch();
    downloads = mkdtempSync(join(tmpdir(), 'leadline-insights-'));
    const cdp = await session.browser.target().createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    page = await openExtensionPage(session, 'pipeline.html');
    seededAt = await seedPipeline(page, session.worker);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows conversion and leakage per stage, with the lost reasons folded', async () => {
    await open('view=insights');
    expect(await textOf(page, '[data-testid="insights-scope"]')).toBe('Every lead · All time · 8 leads');
    // Stage, reached, in stage now, conversion to next, cumulative, lost here, share lost, top reasons.
    expect(await tableRows(page, 'funnel')).toEqual([
      ['Prospect', '8', '2', '50%', '100%', '2', '25%', 'no budget (2)'],
      ['Qualified', '4', '1', '75%', '50%', '0', '0%', '—'],
      ['Contacted', '3', '0', '100%', '38%', '0', '0%', '—'],
      ['Nurturing', '3', '0', '100%', '38%', '0', '0%', '—'],
      ['Proposal', '3', '0', '67%', '38%', '1', '33%', 'went with a competitor (1)'],
      ['Negotiation', '2', '0', '100%', '25%', '0', '0%', '—'],
      ['Won', '2', '2', '—', '25%', '0', '0%', '—'],
    ]);
    // The chart says the same: the bar for Prospect reads 8, and its leak.
    const chart = 'svg[data-chart="funnel"]';
    expect(await page.$$eval(`${chart} text[font-weight="700"]`, (els) => els.map((e) => e.textContent))).toEqual(['8', '4', '3', '3', '3', '2', '2']);
    expect(await page.$eval(chart, (svg) => svg.textContent)).toContain('2 lost here (25%)');
    expect(await page.$eval('#ll-insights-funnel', (h) => h.tagName)).toBe('H3');
    expect(session.problems).toEqual([]);
  });

  it('shows median and 80th-percentile days per stage from stage history, the sales cycle and stale leads', async () => {
    // Stage, median, 80th percentile, completed stays, stale now (Hal has sat in Qualified for 58 days).
    expect(await tableRows(page, 'time')).toEqual([
      ['Prospect', '2 days', '3 days', '6', '0'],
      ['Qualified', '10 days', '28 days', '2', '1'],
      ['Contacted', '—', '—', '0', '0'],
      ['Nurturing', '—', '—', '0', '0'],
      ['Proposal', '3 days', '7 days', '2', '0'],
      ['Negotiation', '—', '—', '0', '0'],
      ['Won', '—', '—', '0', '0'],
    ]);
    // The table is behind the chart until asked for; the button says whether it is shown.
    const toggle = '.ll-chart-block:has(svg[data-chart="time"]) > button';
    expect(await page.$eval(toggle, (b) => [b.textContent, b.getAttribute('aria-expanded')])).toEqual(['Show table', 'false']);
    await page.click(toggle);
    await page.waitForSelector(`${toggle}[aria-expanded="true"]`);
    expect(await page.$eval('table[data-table="time"]', (t) => (t as HTMLElement).offsetWidth > 100)).toBe(true);
    const figures = await page.$$eval('.ll-figure', (els) =>
      els.map((e) => [e.querySelector('.ll-figure-label')!.textContent, e.querySelector('.ll-figure-value')!.textContent]),
    );
    expect(figures).toEqual([
      ['Win rate', '40%'],
      ['Average deal', '$8,500'],
      ['Median deal', '$5,000'],
      ['Weighted pipeline', '$1,050'],
      ['Sales velocity', '$416 per day'],
      ['Sales cycle, median', '20 days'],
      ['Sales cycle, 80th percentile', '29 days'],
      ['Sales cycle, average', '24.5 days'],
    ]);
  });

  it('opens each formula from the keyboard, in words and with the figures plugged in', async () => {
    const winRate = '[data-figure="winRate"] button';
    // Reached with Tab from the filters, as a keyboard user gets there.
    await page.focus('.ll-insights-filters select');
    for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Formula for Win rate')); i++) {
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Formula for Win rate');
    expect(await page.$eval('#ll-formula-winRate', (el) => (el as HTMLElement).hidden)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${winRate}[aria-expanded="true"]`);
    expect(await page.$$eval('#ll-formula-winRate p', (ps) => ps.map((p) => p.textContent))).toEqual(['Win rate = won ÷ (won + lost)', '= 2 ÷ (2 + 3) = 40%']);
    await page.click('[data-figure="salesVelocity"] button');
    expect(await page.$$eval('#ll-formula-salesVelocity p', (ps) => ps.map((p) => p.textContent))).toEqual([
      'Sales velocity = open opportunities × average deal × win rate ÷ average sales cycle',
      '= 3 × $8,500 × 40% ÷ 24.5 days = $416 per day',
    ]);
    await page.click('[data-figure="weightedPipeline"] button');
    expect(await page.$$eval('#ll-formula-weightedPipeline p', (ps) => ps.map((p) => p.textContent))).toEqual([
      'Weighted pipeline = open deal value (Prospect) × win probability (Prospect)',
      '= $21,000 × 5% = $1,050',
    ]);
    await page.focus(winRate);
    await page.keyboard.press('Enter');
    await until(() => page.$eval('#ll-formula-winRate', (el) => (el as HTMLElement).hidden), true);
  });

  it('compares lead sources: leads, conversion to each stage, win rate', async () => {
    expect(await tableRows(page, 'sources')).toEqual([
      ['LinkedIn', '2', '100%', '100%', '100%', '100%', '100%', '100%', '100%', '100%'],
      ['Gmail', '2', '100%', '0%', '0%', '0%', '0%', '0%', '0%', '0%'],
      ['Referral', '2', '100%', '0%', '0%', '0%', '0%', '0%', '0%', '—'],
      ['Event', '1', '100%', '100%', '100%', '100%', '100%', '0%', '0%', '0%'],
      ['Inbound', '0', '—', '—', '—', '—', '—', '—', '—', '—'],
      ['Import', '0', '—', '—', '—', '—', '—', '—', '—', '—'],
      ['Manual', '1', '100%', '100%', '0%', '0%', '0%', '0%', '0%', '—'],
    ]);
    const trend = await tableRows(page, 'trend');
    const names = (d: Date) => new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
    expect(trend[0]!.slice(0, 2)).toEqual([names(new Date(seededAt.getTime() - 60 * 86_400_000)), '5']);
    expect(trend.at(-1)!.slice(0, 2)).toEqual([names(seededAt), '3']);
    expect(await page.$$eval('svg[data-chart^="trend-"]', (els) => els.length)).toBe(6);
  });

  it('exports every table as CSV, and the view as a PNG image', async () => {
    await page.click('::-p-text(Export CSV)');
    await until(async () => readdirSync(downloads).some((f) => f.endsWith('.csv')), true);
    const csv = readFileSync(
      join(
        downloads,
        readdirSync(downloads).find((f) => f.endsWith('.csv'))!,
      ),
      'utf8',
    ).split('\r\n');
    expect(csv.slice(0, 4)).toEqual([
      'Funnel and leakage',
      'Stage,Reached,In stage now,Conversion to next stage,Cumulative conversion,Lost here,Share lost here,Top lost reasons',
      'Prospect,8,2,50%,100%,2,25%,no budget (2)',
      'Qualified,4,1,75%,50%,0,0%,—',
    ]);
    expect(csv).toContain('Time in stage');
    expect(csv).toContain('Qualified,10 days,28 days,2,1');
    expect(csv).toContain('Win rate,40%,won ÷ (won + lost),2 ÷ (2 + 3)');
    expect(csv).toContain('Weighted pipeline,"$1,050",open deal value (Prospect) × win probability (Prospect),"$21,000 × 5%"');
    expect(csv).toContain('Gmail,2,100%,0%,0%,0%,0%,0%,0%,0%');
    expect(csv).toContain('Trend by month');

    await page.click('::-p-text(Download image (PNG))');
    await until(async () => readdirSync(downloads).some((f) => f.endsWith('.png')), true, 15_000);
    const png = readFileSync(
      join(
        downloads,
        readdirSync(downloads).find((f) => f.endsWith('.png'))!,
      ),
    );
    // PNG signature, then the IHDR chunk: width and height, big-endian (ISO/IEC 15948, 11.2.2).
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(png.readUInt32BE(16)).toBe(2480);
    expect(png.readUInt32BE(20)).toBeGreaterThan(2000);
    expect(session.problems).toEqual([]);
  });

  it('reads the period and the source or tag from the address, and writes the filters there', async () => {
    await open('view=insights&period=month');
    expect(await textOf(page, '[data-testid="insights-scope"]')).toBe('Every lead · This month · 3 leads');
    expect((await tableRows(page, 'funnel'))[0]).toEqual(['Prospect', '3', '2', '0%', '100%', '1', '33%', 'no budget (1)']);

    const old = month(new Date(seededAt.getTime() - 60 * 86_400_000));
    await open(`view=insights&period=custom&from=${old}&to=${old}`);
    expect(await textOf(page, '[data-testid="insights-scope"]')).toMatch(/^Every lead · \w+ \d{4} – \w+ \d{4} · 5 leads$/);
    expect(await page.$eval('.ll-insights-filters input[type="month"]', (i) => (i as HTMLInputElement).value)).toBe(old);

    await open('view=insights&source=gmail');
    expect(await textOf(page, '[data-testid="insights-scope"]')).toBe('Gmail · All time · 2 leads');
    expect((await tableRows(page, 'funnel'))[0]).toEqual(['Prospect', '2', '0', '0%', '100%', '2', '100%', 'no budget (2)']);
    expect(await page.$eval('[data-figure="winRate"] .ll-figure-value', (e) => e.textContent)).toBe('0%');

    await open('view=insights&tag=enterprise&period=quarter');
    expect(await textOf(page, '[data-testid="insights-scope"]')).toBe(
      'Tag “enterprise” · All time · 2 leads A tag covers all time: tags are kept without months, so the period does not apply.',
    );
    expect(await page.$eval('[data-figure="winRate"] .ll-figure-value', (e) => e.textContent)).toBe('100%');

    // The controls change the address, so a view can be shared and goes back with the browser.
    await open('view=insights');
    await page.select('.ll-insights-filters select', 'quarter');
    await until(() => page.evaluate(() => location.hash), '#view=insights&period=quarter');
    await page.waitForSelector('::-p-text(Every lead · This quarter)');
    await page.select('.ll-insights-filters label:last-child select', 'source:referral');
    await until(() => page.evaluate(() => location.hash), '#view=insights&source=referral&period=quarter');
    await page.waitForSelector('::-p-text(Referral · This quarter · 2 leads)');
    expect(session.problems).toEqual([]);
  });

  it('is reached from the popup, for the period the popup shows', async () => {
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.waitForSelector('[data-testid="total"]');
    await popup.select('.ll-period select', 'quarter');
    const opened = session.browser.waitForTarget((t) => t.url().endsWith('/pipeline.html#view=insights&period=quarter'));
    await popup.click('::-p-text(Insights)');
    const tab = (await (await opened).page())!;
    await tab.waitForSelector('::-p-text(Every lead · This quarter)');
    await tab.close();
  });

  it('fits at 1280 and 1920 pixels wide: no text cut off, no table or chart wider than its box', async () => {
    await open('view=insights');
    for (const width of [1280, 1920]) {
      await page.setViewport({ width, height: 900 });
      await page.waitForSelector('svg[data-chart="funnel"]');
      const overflow = await page.evaluate(() => {
        const out: string[] = [];
        if (document.documentElement.scrollWidth > innerWidth) out.push(`page ${document.documentElement.scrollWidth} > ${innerWidth}`);
        for (const box of document.querySelectorAll<HTMLElement>('.ll-insights-table, .ll-figure, .ll-insights-section')) {
          if (box.closest('.ll-sr')) continue;
          if (box.scrollWidth > box.clientWidth + 1) out.push(`${box.className} ${box.scrollWidth} > ${box.clientWidth}`);
        }
        for (const svg of document.querySelectorAll<SVGSVGElement>('svg.ll-chart')) {
          const view = svg.viewBox.baseVal;
          for (const text of svg.querySelectorAll('text')) {
            const b = text.getBBox();
            if (b.x < view.x - 0.5 || b.y < view.y - 0.5 || b.x + b.width > view.x + view.width + 0.5 || b.y + b.height > view.y + view.height + 0.5)
              out.push(`${svg.dataset.chart}: "${text.textContent}" outside the chart`);
          }
        }
        return out;
      });
      expect(overflow).toEqual([]);
      await page.screenshot({ path: join(downloads, `insights-${width}.png`), fullPage: true });
    }
    expect(session.problems).toEqual([]);
  });
});

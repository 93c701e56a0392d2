// `npm run demo`: what a user sees, on a machine without a display. Builds (via npm), opens the
// saved LinkedIn page in headless Chromium with the extension, captures the lead, logs a
// touchpoint, opens the popup, shows the Insights view of a small seeded pipeline, does the same
// in Chromium started in Czech, Polish, Vietnamese and Chinese, and writes screenshots and a
// one-line summary to demo-output/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { button, click, launch, openExtensionPage, openTab, readStore, ROOT, SIDEBAR_HOST, sidebarFrame } from '../tests/e2e/harness';
import { seedPipeline } from '../tests/e2e/insights-seed';

const OUT = join(ROOT, 'demo-output');
const PROFILE = 'https://www.linkedin.com/in/parul-sharma-886a79227/';
const PROFILE_2022 = 'https://www.linkedin.com/in/kireetagrawal/';
/** Chromium's UI languages the demo shows Leadline in, with their catalogue folders. */
const LANGUAGES = [
  ['cs', 'cs'],
  ['pl', 'pl'],
  ['vi', 'vi'],
  ['zh-CN', 'zh_CN'],
] as const;

/**
 * Leadline in Chromium started in another language: the sidebar after capturing a lead and
 * logging a call (stage, temperature with its reason, BANT, the touchpoint), and the popup.
 */
async function inLanguage(lang: string, folder: string): Promise<string[]> {
  const messages = JSON.parse(readFileSync(join(ROOT, 'public', '_locales', folder, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
  const words = (key: string) => messages[key]!.message;
  const session = await launch({ lang });
  try {
    session.routes.set(PROFILE, 'linkedin/2025-05_logged-in_parul-sharma-886a79227__smarthire.html');
    const page = await openTab(session);
    await page.goto(PROFILE);
    await click(await sidebarFrame(page), button(words('capture_lead')));
    await (await sidebarFrame(page)).waitForSelector('.ll-reasons li');
    await click(await sidebarFrame(page), button(words('log_call')));
    await (await sidebarFrame(page)).waitForSelector('ol.ll-touchpoints li');
    // The card's top (stage, temperature and why, BANT), then its end (logging, touchpoints).
    const sidebar = (await page.$(SIDEBAR_HOST))!;
    await (await sidebarFrame(page)).evaluate(() => document.querySelector('.ll-card')?.scrollIntoView({ block: 'start' }));
    await sidebar.screenshot({ path: join(OUT, `lang-${folder}-sidebar.png`) });
    await (await sidebarFrame(page)).evaluate(() => document.querySelector('ol.ll-touchpoints')?.scrollIntoView({ block: 'end' }));
    await sidebar.screenshot({ path: join(OUT, `lang-${folder}-sidebar-end.png`) });

    const popup = await session.browser.newPage();
    await popup.setViewport({ width: 380, height: 640 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.waitForSelector('svg.ll-funnel');
    // A fuller funnel: a lead far along, one lost on the way (the longest stage labels).
    // Script text, not a function: tsx would wrap inner functions in a helper the page lacks.
    await popup.evaluate(`(async () => {
      const send = (type, payload) => chrome.runtime.sendMessage({ leadline: 'request', type, payload });
      const kim = (await send('lead.capture', { name: 'Kim Lee', source: 'referral' })).value.lead.lead.id;
      await send('lead.move', { id: kim, move: { to: 'negotiation' } });
      const grace = (await send('lead.capture', { name: 'Grace Hopper', source: 'event' })).value.lead.lead.id;
      await send('lead.move', { id: grace, move: { to: 'qualified' } });
      await send('lead.move', { id: grace, move: { to: 'lost', reason: 'budget' } });
    })()`);
    await popup.reload();
    await popup.waitForSelector('svg.ll-funnel');
    await popup.screenshot({ path: join(OUT, `lang-${folder}-popup.png`) });
    return session.problems.map((p) => `${lang}: ${p}`);
  } finally {
    await session.close();
  }
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const session = await launch();
  try {
    session.routes.set(PROFILE, 'linkedin/2025-05_logged-in_parul-sharma-886a79227__smarthire.html');
    session.routes.set(PROFILE_2022, 'linkedin/2022-03_logged-in_kireetagrawal__scrape-linkedin-selenium.html');
    const page = await openTab(session);
    await page.goto(PROFILE);
    await (await sidebarFrame(page)).waitForSelector(button('Capture lead'), { visible: true });
    await page.screenshot({ path: join(OUT, '1-sidebar-new-person.png') });

    await click(await sidebarFrame(page), button('Capture lead'));
    await (await sidebarFrame(page)).waitForSelector('::-p-aria([name="Lead: Parul Sharma"])');
    await click(await sidebarFrame(page), button('Connection request sent'));
    await (await sidebarFrame(page)).waitForSelector('ol.ll-touchpoints li');
    await page.screenshot({ path: join(OUT, '2-sidebar-lead-card.png') });

    // The same sidebar on 2022 markup, after an in-app style page load.
    await page.goto(PROFILE_2022);
    await (await sidebarFrame(page)).waitForSelector(button('Capture lead'), { visible: true });
    await page.screenshot({ path: join(OUT, '3-sidebar-2022-page.png') });

    const popup = await session.browser.newPage();
    await popup.setViewport({ width: 380, height: 640 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.waitForSelector('svg[aria-label^="Funnel"]');
    await popup.screenshot({ path: join(OUT, '4-popup.png') });

    // The Insights view, over a small pipeline with wins, losses and stage history.
    await seedPipeline(popup, session.worker);
    const insights = await openExtensionPage(session, 'pipeline.html#view=insights');
    await insights.setViewport({ width: 1280, height: 900 });
    await insights.waitForSelector('svg[data-chart="funnel"]');
    await insights.screenshot({ path: join(OUT, '5-insights.png'), fullPage: true });

    for (const [lang, folder] of LANGUAGES) session.problems.push(...(await inLanguage(lang, folder)));

    const leads = await readStore<{ name: string; stage: string; temperature: string | null }>(session, 'leads');
    const touchpoints = await readStore(session, 'touchpoints');
    const summary =
      `Captured ${leads.map((l) => `${l.name} (${l.stage}, ${l.temperature ?? 'no temperature'})`).join(', ')}; ` +
      `${touchpoints.length} touchpoint logged; popup drawn; sidebar and popup in ${LANGUAGES.map(([l]) => l).join(', ')}; ` +
      `${session.problems.length === 0 ? 'no errors' : `problems: ${session.problems.join(' | ')}`}.`;
    writeFileSync(join(OUT, 'summary.txt'), `${summary}\n`);
    console.log(summary);
    console.log(`Screenshots in ${OUT}`);
    if (session.problems.length > 0) process.exitCode = 1;
  } finally {
    await session.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

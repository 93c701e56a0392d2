// `npm start`: builds (via npm) and opens Chromium with Leadline loaded, on a desktop.
// The browser comes from CHROME_PATH (default /usr/bin/chromium); the profile is kept in
// .chrome-profile/ so captured leads survive restarts.
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, EXTENSION_DIR, ROOT } from '../tests/e2e/harness';

async function main() {
  if (!process.env.DISPLAY && process.platform === 'linux') {
    console.error('No display: use `npm run demo` for a headless run with screenshots.');
    process.exit(1);
  }
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: false,
    pipe: true,
    enableExtensions: [EXTENSION_DIR],
    userDataDir: join(ROOT, '.chrome-profile'),
    args: CHROME_ARGS.filter((a) => a !== '--disable-gpu'),
    defaultViewport: null,
  });
  const [page] = await browser.pages();
  await page?.goto('https://www.linkedin.com/feed/').catch(() => {});
  console.log('Leadline is loaded. Close the browser window to stop.');
  await new Promise((resolve) => browser.on('disconnected', resolve));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

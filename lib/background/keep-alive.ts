import { browser } from 'wxt/browser';

/**
 * Runs a long job while keeping the service worker up: Chrome stops a worker after 30 s without
 * extension events or API calls, and IndexedDB work is neither. A cheap API call every 20 s counts.
 */
export async function keepAlive<T>(job: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => {}), 20_000);
  try {
    return await job();
  } finally {
    clearInterval(timer);
  }
}

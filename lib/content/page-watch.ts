/**
 * Follows a single-page app: on every address change (WXT's `wxt:locationchange`) and at start,
 * reads the page until the reading is complete. One debounced MutationObserver, connected only
 * while a reading is pending, so a settled page costs nothing.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface Reading<T> {
  value: T;
  /** Nothing more to wait for. */
  complete: boolean;
  /** The page shows the content the address names (not the previous page's leftovers). */
  fresh: boolean;
}

export interface WatchOptions<T> {
  /** Both get the page address: during an in-app navigation `location.href` may still be the old one. */
  isRelevant: (url: string) => boolean;
  read: (url: string) => Reading<T>;
  onRead: (value: T) => void;
  onIrrelevant: () => void;
  /** Quiet time before reading after DOM changes. */
  debounceMs?: number;
  /** Give up waiting for a complete reading after this long, and show the best one. */
  settleMs?: number;
  /**
   * Keep reading on DOM changes after a complete reading, on every page (Gmail: folded messages
   * expanded later, compose windows opening anywhere). The observer stays debounced.
   */
  keepWatching?: boolean;
  /** Runs after every (debounced) check, relevant page or not. */
  afterCheck?: () => void;
}

export function watchPage<T>(ctx: ContentScriptContext, options: WatchOptions<T>): void {
  const debounceMs = options.debounceMs ?? 150;
  const settleMs = options.settleMs ?? 8000;
  let timer: number | undefined;
  let deadline = 0;
  let lastShown: string | null = null;
  let showing = false;
  let url = location.href;

  const observer = new MutationObserver(() => schedule());
  ctx.onInvalidated(() => observer.disconnect());

  function schedule() {
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(check, debounceMs);
  }

  function check() {
    timer = undefined;
    options.afterCheck?.();
    if (!options.isRelevant(url)) {
      if (!options.keepWatching) observer.disconnect();
      if (showing || !options.keepWatching) options.onIrrelevant();
      showing = false;
      lastShown = null;
      return;
    }
    const reading = options.read(url);
    const timedOut = Date.now() >= deadline;
    if (reading.fresh || timedOut) {
      const key = JSON.stringify(reading.value);
      if (key !== lastShown) {
        lastShown = key;
        showing = true;
        options.onRead(reading.value);
      }
    }
    if ((reading.complete || timedOut) && !options.keepWatching) observer.disconnect();
  }

  function start() {
    deadline = Date.now() + settleMs;
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    // A page that never completes and then stops changing still gets shown at the deadline.
    ctx.setTimeout(() => {
      if (Date.now() >= deadline) check();
    }, settleMs);
    check();
  }

  // The Navigation API announces a navigation before the address is committed: take the new
  // address from the event.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    // The page can dispatch an event of the same name, but its properties do not cross into
    // this isolated world: only WXT's own event carries the new address.
    const next = (event as { newUrl?: unknown }).newUrl;
    if (!(next instanceof URL)) return;
    url = next.href;
    lastShown = null;
    start();
  });
  start();
}

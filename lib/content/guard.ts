/**
 * Keeps the host page from stopping our content script. WXT announces a content script's start
 * with a DOM event so that an older copy of the same script stops; the page can dispatch that
 * event too (the extension id is public in the sidebar frame's address). While this script is
 * alive no newer copy of it can start in this page, so every later announcement is the page's:
 * it is stopped at the window, before WXT's listener on the document sees it.
 */
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

export function guardAgainstReplays(ctx: ContentScriptContext): void {
  // WXT keeps the event's name on the class (typed private).
  const type = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
  const stop = (event: Event) => {
    // After an extension reload this copy is orphaned (no runtime id): let the new one stop it.
    if (browser.runtime?.id) event.stopImmediatePropagation();
  };
  window.addEventListener(type, stop, { capture: true });
  ctx.onInvalidated(() => window.removeEventListener(type, stop, { capture: true }));
}

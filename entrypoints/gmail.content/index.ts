import { browser } from 'wxt/browser';
import { GMAIL_MATCHES } from '../../lib/sites/hosts';
import { extractThread, ownEmailsFromTitle } from '../../lib/sites/gmail/extract';
import { isThreadView } from '../../lib/sites/gmail/url';
import { isLeadlineEvent } from '../../lib/messaging/events';
import { watchPage } from '../../lib/content/page-watch';
import { mountSidebarFrame } from '../../lib/content/frame-host';
import { guardAgainstReplays } from '../../lib/content/guard';

export default defineContentScript({
  matches: GMAIL_MATCHES,
  noScriptStartedPostMessage: true,
  async main(ctx) {
    guardAgainstReplays(ctx);
    const sidebar = await mountSidebarFrame(ctx, 'gmail');

    // Gmail navigates by hash; the thread's markup arrives after the address changes. Its new
    // thread ids in the address cannot be matched against the page's, so a reading that still
    // shows the thread of the previous address is the old page's leftover: wait for the new one.
    let shown: { url: string; threadId: string | null } | null = null;
    watchPage(ctx, {
      isRelevant: (url) => isThreadView(url),
      read: (url) => {
        const thread = extractThread(document, url);
        const leftover = !!thread && shown !== null && shown.url !== url && shown.threadId === thread.threadId;
        const fresh = !!thread && !leftover;
        return { value: { thread, url }, complete: fresh && thread.messages.length > 0, fresh };
      },
      onRead: ({ thread, url }) => {
        if (!thread) return;
        shown = { url, threadId: thread.threadId };
        sidebar.show({ kind: 'gmail-thread', url, thread, ownEmails: ownEmailsFromTitle(document.title) });
      },
      onIrrelevant: () => {
        shown = null;
        sidebar.show({ kind: 'none' });
      },
    });

    browser.runtime.onMessage.addListener((message) => {
      if (ctx.isValid && isLeadlineEvent(message) && message.leadline === 'toggle-sidebar') sidebar.toggle();
    });
  },
});

import { browser } from 'wxt/browser';
import { GMAIL_MATCHES } from '../../lib/sites/hosts';
import { extractThread, ownEmailsFromTitle } from '../../lib/sites/gmail/extract';
import { isThreadView, parseGmailAddress } from '../../lib/sites/gmail/url';
import { send } from '../../lib/messaging/client';
import { isLeadlineEvent } from '../../lib/messaging/events';
import { watchPage } from '../../lib/content/page-watch';
import { mountSidebarFrame } from '../../lib/content/frame-host';
import { FrameChannel } from '../../lib/content/frame-channel';
import { ComposeControls } from '../../lib/content/compose-controls';
import { guardAgainstReplays } from '../../lib/content/guard';

export default defineContentScript({
  matches: GMAIL_MATCHES,
  noScriptStartedPostMessage: true,
  async main(ctx) {
    guardAgainstReplays(ctx);
    const channel = new FrameChannel(ctx, 'gmail');
    const sidebar = await mountSidebarFrame(ctx, 'gmail', channel);
    const ownEmails = () => ownEmailsFromTitle(document.title);
    const composes = new ComposeControls(ctx, channel, send, ownEmails);

    // Gmail navigates by hash; the thread's markup arrives after the address changes. Its new
    // thread ids in the address cannot be matched against the page's, so a reading that still
    // shows the thread of the previous address is the old page's leftover: wait for the new one.
    // The page is watched for as long as it is open: folded messages are expanded later, and
    // compose windows open on any page.
    let shown: { url: string; threadId: string | null } | null = null;
    watchPage(ctx, {
      // The print view shows a thread in markup of its own, which we do not read.
      isRelevant: (url) => isThreadView(url) && parseGmailAddress(url)?.view !== 'print',
      read: (url) => {
        const thread = extractThread(document, url);
        const leftover = !!thread && shown !== null && shown.url !== url && shown.threadId === thread.threadId;
        const fresh = !!thread && !leftover;
        return { value: { thread, url }, complete: fresh && thread.messages.length > 0, fresh };
      },
      onRead: ({ thread, url }) => {
        if (!thread) return;
        shown = { url, threadId: thread.threadId };
        sidebar.show({ kind: 'gmail-thread', url, thread, ownEmails: ownEmails() });
      },
      onIrrelevant: () => {
        shown = null;
        sidebar.show({ kind: 'none' });
      },
      keepWatching: true,
      debounceMs: 250,
      afterCheck: () => composes.scanAfter(sidebar.settled(), document),
    });

    browser.runtime.onMessage.addListener((message) => {
      if (ctx.isValid && isLeadlineEvent(message) && message.leadline === 'toggle-sidebar') sidebar.toggle();
    });
  },
});

import { browser } from 'wxt/browser';
import '../../components/shared/leadline.css';
import { GMAIL_MATCHES } from '../../lib/sites/hosts';
import { extractThread, ownEmailsFromTitle } from '../../lib/sites/gmail/extract';
import { isThreadView } from '../../lib/sites/gmail/url';
import { send } from '../../lib/messaging/client';
import { isLeadlineEvent } from '../../lib/messaging/events';
import { ThreadPanelModel } from '../../lib/ui/thread-panel-model';
import { watchPage } from '../../lib/content/page-watch';
import { mountSidebar } from '../../lib/content/mount-sidebar';
import { ThreadPanel } from '../../components/sidebar/ThreadPanel';

export default defineContentScript({
  matches: GMAIL_MATCHES,
  cssInjectionMode: 'ui',
  async main(ctx) {
    const model = new ThreadPanelModel(send);
    // Sidebar (320px) plus Gmail's add-on panel (56px) and gaps.
    const sidebar = await mountSidebar(ctx, { site: 'gmail', offsetPx: 392, content: () => <ThreadPanel model={model} /> });

    // Gmail navigates by hash; the thread's markup arrives after the address changes. Its new
    // thread ids in the address cannot be matched against the page's, so a reading that still
    // shows the thread of the previous address is the old page's leftover: wait for the new one.
    let shown: { url: string; threadId: string | null } | null = null;
    let lastRead: { url: string; threadId: string | null } | null = null;
    watchPage(ctx, {
      isRelevant: (url) => isThreadView(url),
      read: (url) => {
        const thread = extractThread(document, url);
        lastRead = { url, threadId: thread?.threadId ?? null };
        const leftover = !!thread && shown !== null && shown.url !== url && shown.threadId === thread.threadId;
        const fresh = !!thread && !leftover;
        return { value: thread, complete: fresh && thread.messages.length > 0, fresh };
      },
      onRead: (thread) => {
        if (!thread || !lastRead) return;
        shown = lastRead;
        sidebar.show(true);
        void model.showThread(thread, lastRead.url, ownEmailsFromTitle(document.title));
      },
      onIrrelevant: () => {
        shown = null;
        sidebar.show(false);
        model.clear();
      },
    });

    browser.runtime.onMessage.addListener((message) => {
      if (!ctx.isValid || !isLeadlineEvent(message)) return;
      if (message.leadline === 'changed') void model.onChanged();
      else if (message.leadline === 'toggle-sidebar') sidebar.toggle();
    });
  },
});

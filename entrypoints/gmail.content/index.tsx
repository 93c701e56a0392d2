import { render } from 'preact';
import { effect } from '@preact/signals';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import '../../components/sidebar.css';
import { GMAIL_MATCHES } from '../../lib/sites/hosts';
import { extractThread, ownEmailsFromTitle } from '../../lib/sites/gmail/extract';
import { isThreadView } from '../../lib/sites/gmail/url';
import { send } from '../../lib/messaging/client';
import { isLeadlineEvent } from '../../lib/messaging/protocol';
import { ThreadPanelModel } from '../../lib/ui/thread-panel-model';
import { watchPage } from '../../lib/ui/page-watch';
import { PageOffset } from '../../lib/ui/page-offset';
import { COLLAPSED_KEY } from '../../lib/ui/sidebar-prefs';
import { Sidebar } from '../../components/Sidebar';
import { ThreadPanel } from '../../components/ThreadPanel';

export default defineContentScript({
  matches: GMAIL_MATCHES,
  cssInjectionMode: 'ui',
  async main(ctx) {
    const model = new ThreadPanelModel(send);
    const stored = await browser.storage.local.get(COLLAPSED_KEY);
    model.collapsed.value = stored[COLLAPSED_KEY] === true;
    const toggle = () => {
      model.collapsed.value = !model.collapsed.value;
      void browser.storage.local.set({ [COLLAPSED_KEY]: model.collapsed.value });
    };

    const ui = await createShadowRootUi(ctx, {
      name: 'leadline-sidebar',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        const App = () => (
          <Sidebar site="gmail" collapsed={model.collapsed.value} onToggle={toggle}>
            <ThreadPanel model={model} />
          </Sidebar>
        );
        render(<App />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });

    // Sidebar (320px) plus Gmail's add-on panel (56px) and a gap.
    const offset = new PageOffset(ctx, 392);
    let mounted = false;
    const show = (on: boolean) => {
      if (on && !mounted) ui.mount();
      if (!on && mounted) ui.remove();
      mounted = on;
      offset.set(on && !model.collapsed.value);
    };
    ctx.onInvalidated(() => show(false));
    effect(() => offset.set(mounted && !model.collapsed.value));

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
        show(true);
        void model.showThread(thread, lastRead.url, ownEmailsFromTitle(document.title));
      },
      onIrrelevant: () => {
        shown = null;
        show(false);
        model.clear();
      },
    });

    browser.runtime.onMessage.addListener((message) => {
      if (!ctx.isValid || !isLeadlineEvent(message)) return;
      if (message.leadline === 'changed') void model.onChanged();
      else if (message.leadline === 'toggle-sidebar' && mounted) toggle();
    });
  },
});

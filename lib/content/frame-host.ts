/**
 * Mounts the sidebar frame (an extension page in an iframe) beside the host page, keeps it
 * informed of the page context over a private port, narrows the page while it is open, and
 * remembers whether it is collapsed.
 */
import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';
import { PORT_PREFIX, type FrameHello, type FrameMessage, type HostMessage, type PageContext, type Site } from '../messaging/sidebar-channel';
import { PageOffset } from './page-offset';
import { COLLAPSED_KEY } from './sidebar-prefs';
import { placement } from './placement';

export interface SidebarHost {
  /** Shows the frame with this context, or removes it (kind 'none'). */
  show(context: PageContext): void;
  /** Collapses or expands it, remembering the choice (the keyboard command). */
  toggle(): void;
}

export async function mountSidebarFrame(ctx: ContentScriptContext, site: Site): Promise<SidebarHost> {
  const stored = await browser.storage.local.get(COLLAPSED_KEY);
  let collapsed = stored[COLLAPSED_KEY] === true;
  let context: PageContext = { kind: 'none' };
  let port: Browser.runtime.Port | null = null;
  const nonce = crypto.randomUUID();
  const origin = new URL(browser.runtime.getURL('/')).origin;
  const place = placement(site);
  const offset = new PageOffset(ctx, place.offsetPx);

  const ui = createIframeUi(ctx, {
    page: '/sidebar.html',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(wrapper, iframe) {
      // The landmark sits on the host's element too, so the page's accessibility tree has it.
      wrapper.setAttribute('role', 'complementary');
      wrapper.setAttribute('aria-label', 'Leadline');
      wrapper.dataset.leadline = 'sidebar';
      iframe.title = 'Leadline';
      iframe.setAttribute('allowtransparency', 'true');
      Object.assign(iframe.style, { border: '0', width: '100%', height: '100%', display: 'block', background: 'transparent', colorScheme: 'normal' });
      layout(wrapper);
      // The frame learns the nonce from its own load; a frame the page made never does.
      iframe.addEventListener('load', () => {
        const hello: FrameHello = { leadline: 'hello', nonce, site };
        iframe.contentWindow?.postMessage(hello, origin);
      });
    },
  });

  function layout(wrapper: HTMLElement = ui.wrapper) {
    const box = collapsed ? place.collapsed : place.open;
    Object.assign(wrapper.style, { position: 'fixed', zIndex: '2147483000', ...box });
    offset.set(mounted && !collapsed);
  }

  function post(message: HostMessage) {
    try {
      port?.postMessage(message);
    } catch {
      port = null; // the frame went away; it says hello again when it loads
    }
  }

  const onConnect = (p: Browser.runtime.Port) => {
    if (!p.name.startsWith(PORT_PREFIX)) return;
    if (p.name !== PORT_PREFIX + nonce || p.sender?.id !== browser.runtime.id) {
      p.disconnect();
      return;
    }
    port = p;
    p.onMessage.addListener((message: FrameMessage) => {
      if (message?.type === 'collapse' && typeof message.value === 'boolean') setCollapsed(message.value);
    });
    p.onDisconnect.addListener(() => {
      if (port === p) port = null;
    });
    post({ type: 'collapsed', value: collapsed });
    post({ type: 'context', context });
  };
  browser.runtime.onConnect.addListener(onConnect);
  ctx.onInvalidated(() => {
    browser.runtime.onConnect.removeListener(onConnect);
    offset.set(false);
  });

  let mounted = false;
  function setCollapsed(value: boolean) {
    collapsed = value;
    void browser.storage.local.set({ [COLLAPSED_KEY]: value });
    layout();
    post({ type: 'collapsed', value });
  }

  return {
    show(next) {
      context = next;
      const on = next.kind !== 'none';
      if (on && !mounted) {
        mounted = true;
        ui.mount();
      } else if (!on && mounted) {
        mounted = false;
        port = null;
        ui.remove();
      }
      layout();
      post({ type: 'context', context });
    },
    toggle() {
      if (mounted) setCollapsed(!collapsed);
    },
  };
}

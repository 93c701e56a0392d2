/**
 * Mounts the sidebar frame (an extension page in an iframe) beside the host page, keeps it
 * informed of the page context, narrows the page while it is open, and remembers whether it is
 * collapsed.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';
import type { FrameMessage, PageContext, Site } from '../messaging/sidebar-channel';
import type { FrameChannel } from './frame-channel';
import { PageOffset } from './page-offset';
import { COLLAPSED_KEY } from './sidebar-prefs';
import { placement } from './placement';

export interface SidebarHost {
  /** Shows the frame with this context, or removes it (kind 'none'). */
  show(context: PageContext): void;
  /** Collapses or expands it, remembering the choice (the keyboard command). */
  toggle(): void;
  /** Resolves once the frame has loaded and connected (at once when it is not mounted). */
  settled(): Promise<void>;
}

/** `onFrameMessage` hears what the frame sends beyond layout (the LinkedIn list's known rows). */
export async function mountSidebarFrame(
  ctx: ContentScriptContext,
  site: Site,
  channel: FrameChannel,
  onFrameMessage: (message: FrameMessage) => void = () => {},
): Promise<SidebarHost> {
  const stored = await browser.storage.local.get(COLLAPSED_KEY);
  let collapsed = stored[COLLAPSED_KEY] === true;
  let context: PageContext = { kind: 'none' };
  let mounted = false;
  let loaded: Promise<void> = Promise.resolve();
  let markLoaded = () => {};
  const place = placement(site);
  const offset = new PageOffset(ctx, place.offsetPx);
  const link = channel.open('sidebar', {
    onConnect() {
      link.post({ type: 'collapsed', value: collapsed });
      link.post({ type: 'context', context });
      markLoaded();
    },
    onMessage(message) {
      if (message?.type === 'collapse' && typeof message.value === 'boolean') setCollapsed(message.value);
      else if (message) onFrameMessage(message);
    },
  });

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
      iframe.addEventListener('load', () => link.greet(iframe));
    },
  });

  function layout(wrapper: HTMLElement = ui.wrapper) {
    const box = collapsed ? place.collapsed : place.open;
    Object.assign(wrapper.style, { position: 'fixed', zIndex: '2147483000', ...box });
    offset.set(mounted && !collapsed);
  }

  function setCollapsed(value: boolean) {
    collapsed = value;
    void browser.storage.local.set({ [COLLAPSED_KEY]: value });
    layout();
    link.post({ type: 'collapsed', value });
  }

  ctx.onInvalidated(() => offset.set(false));

  return {
    show(next) {
      context = next;
      const on = next.kind !== 'none';
      if (on && !mounted) {
        mounted = true;
        loaded = new Promise((resolve) => (markLoaded = resolve));
        ui.mount();
      } else if (!on && mounted) {
        mounted = false;
        ui.remove();
      }
      layout();
      link.post({ type: 'context', context });
    },
    toggle() {
      if (mounted) setCollapsed(!collapsed);
    },
    settled: () => (mounted ? loaded : Promise.resolve()),
  };
}

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
import { coveredControls } from './covering';

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
  // The user's own choice (collapsed or open) is kept; without one the sidebar opens where the
  // page fits beside it and stays a tab where it would cover the page's controls.
  let chosen: boolean | undefined = typeof stored[COLLAPSED_KEY] === 'boolean' ? stored[COLLAPSED_KEY] : undefined;
  let crowded = false;
  const isCollapsed = () => chosen ?? crowded;
  let context: PageContext = { kind: 'none' };
  let mounted = false;
  let loaded: Promise<void> = Promise.resolve();
  let markLoaded = () => {};
  const place = placement(site);
  const offset = new PageOffset(ctx, place.offsetPx);
  const link = channel.open('sidebar', {
    onConnect() {
      link.post({ type: 'collapsed', value: isCollapsed() });
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
    const box = isCollapsed() ? place.collapsed : place.open;
    Object.assign(wrapper.style, { position: 'fixed', zIndex: '2147483000', ...box });
    offset.set(mounted && !isCollapsed());
  }

  /** Opens the sidebar in place (page narrowed) and looks whether it covers any control. */
  function measureCrowding() {
    if (!mounted || chosen !== undefined) return;
    const was = crowded;
    crowded = false;
    layout();
    crowded = coveredControls(document, ui.wrapper.getBoundingClientRect()).length > 0;
    layout();
    if (crowded !== was) link.post({ type: 'collapsed', value: isCollapsed() });
  }

  function setCollapsed(value: boolean) {
    chosen = value;
    void browser.storage.local.set({ [COLLAPSED_KEY]: value });
    layout();
    link.post({ type: 'collapsed', value });
  }

  // A window made narrower or wider may crowd the page or make room (measured once it settles).
  let resizeTimer: number | undefined;
  let settleTimer: number | undefined;
  ctx.addEventListener(window, 'resize', () => {
    if (resizeTimer !== undefined) clearTimeout(resizeTimer);
    resizeTimer = ctx.setTimeout(measureCrowding, 250);
  });

  ctx.onInvalidated(() => offset.set(false));

  return {
    show(next) {
      context = next;
      const on = next.kind !== 'none';
      const first = on && !mounted;
      if (first) {
        mounted = true;
        loaded = new Promise((resolve) => (markLoaded = resolve));
        ui.mount();
      } else if (!on && mounted) {
        mounted = false;
        ui.remove();
      }
      layout();
      // Measured at once (in one task: the open state is never painted when it does not fit) and
      // again once a new page's content has settled.
      if (first) measureCrowding();
      if (on) {
        if (settleTimer !== undefined) clearTimeout(settleTimer);
        // Where the sidebar stands once the page is quiet (tests wait for it before aiming a click).
        delete ui.wrapper.dataset.settled;
        settleTimer = ctx.setTimeout(() => {
          measureCrowding();
          ui.wrapper.dataset.settled = '';
        }, 800);
      }
      link.post({ type: 'context', context });
    },
    toggle() {
      if (mounted) setCollapsed(!isCollapsed());
    },
    settled: () => (mounted ? loaded : Promise.resolve()),
  };
}

/** Mounts a site's sidebar in a shadow root, with its collapsed state and the page offset. */
import { render, type ComponentChildren } from 'preact';
import { effect, signal, type Signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Sidebar } from '../../components/sidebar/Sidebar';
import { PageOffset } from './page-offset';
import { COLLAPSED_KEY } from './sidebar-prefs';

export interface SidebarHandle {
  /** Shows or removes the sidebar (it exists only on pages it serves). */
  show(on: boolean): void;
  /** Collapses or expands it, remembering the choice (the keyboard command calls this). */
  toggle(): void;
  readonly collapsed: Signal<boolean>;
}

export async function mountSidebar(
  ctx: ContentScriptContext,
  options: { site: 'linkedin' | 'gmail'; offsetPx: number; content: () => ComponentChildren },
): Promise<SidebarHandle> {
  const stored = await browser.storage.local.get(COLLAPSED_KEY);
  const collapsed = signal(stored[COLLAPSED_KEY] === true);
  const toggle = () => {
    collapsed.value = !collapsed.value;
    void browser.storage.local.set({ [COLLAPSED_KEY]: collapsed.value });
  };

  const ui = await createShadowRootUi(ctx, {
    name: 'leadline-sidebar',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container) {
      const App = () => (
        <Sidebar site={options.site} collapsed={collapsed.value} onToggle={toggle}>
          {options.content()}
        </Sidebar>
      );
      render(<App />, container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });

  // While the sidebar is open, the page is narrowed so the sidebar never covers its controls.
  const offset = new PageOffset(ctx, options.offsetPx);
  const mounted = signal(false);
  const stopOffset = effect(() => offset.set(mounted.value && !collapsed.value));
  const show = (on: boolean) => {
    if (on && !mounted.value) ui.mount();
    if (!on && mounted.value) ui.remove();
    mounted.value = on;
  };
  ctx.onInvalidated(() => {
    show(false);
    stopOffset();
  });

  return {
    show,
    toggle: () => {
      if (mounted.value) toggle();
    },
    collapsed,
  };
}

import { render } from 'preact';
import { effect } from '@preact/signals';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import '../../components/sidebar.css';
import { LINKEDIN_MATCHES } from '../../lib/sites/hosts';
import { extract } from '../../lib/sites/linkedin/extract';
import { isProfile, profileSlug } from '../../lib/sites/linkedin/url';
import { send } from '../../lib/messaging/client';
import { isLeadlineEvent } from '../../lib/messaging/protocol';
import { ProfilePanelModel } from '../../lib/ui/profile-panel-model';
import { watchPage } from '../../lib/ui/page-watch';
import { PageOffset } from '../../lib/ui/page-offset';
import { COLLAPSED_KEY } from '../../lib/ui/sidebar-prefs';
import { Sidebar } from '../../components/Sidebar';
import { ProfilePanel } from '../../components/ProfilePanel';

export default defineContentScript({
  matches: LINKEDIN_MATCHES,
  cssInjectionMode: 'ui',
  async main(ctx) {
    const model = new ProfilePanelModel(send);
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
          <Sidebar site="linkedin" collapsed={model.collapsed.value} onToggle={toggle}>
            <ProfilePanel model={model} />
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
    const offset = new PageOffset(ctx, 336);
    let mounted = false;
    const show = (on: boolean) => {
      if (on && !mounted) ui.mount();
      if (!on && mounted) ui.remove();
      mounted = on;
      offset.set(on && !model.collapsed.value);
    };
    ctx.onInvalidated(() => show(false));
    effect(() => offset.set(mounted && !model.collapsed.value));

    // LinkedIn is a single-page app: the address changes first, the profile markup follows.
    // Read the page until it shows the profile the address names (or give up and show what we have).
    watchPage(ctx, {
      isRelevant: (url) => isProfile(url),
      read: (url) => {
        const profile = extract(document, url);
        const fresh = profile.contentSlug === null || profile.contentSlug === profileSlug(url);
        return { value: profile, complete: fresh && profile.found.name !== undefined, fresh };
      },
      onRead: (profile) => {
        show(true);
        void model.showProfile(profile);
      },
      onIrrelevant: () => {
        show(false);
        model.clear();
      },
    });

    browser.runtime.onMessage.addListener((message) => {
      if (!ctx.isValid || !isLeadlineEvent(message)) return;
      if (message.leadline === 'changed') void model.onChanged(message.leadIds);
      else if (message.leadline === 'toggle-sidebar' && mounted) toggle();
    });
  },
});

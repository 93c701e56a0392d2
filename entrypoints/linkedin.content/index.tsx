import { browser } from 'wxt/browser';
import '../../components/shared/leadline.css';
import { LINKEDIN_MATCHES } from '../../lib/sites/hosts';
import { extract } from '../../lib/sites/linkedin/extract';
import { isProfile, profileSlug } from '../../lib/sites/linkedin/url';
import { send } from '../../lib/messaging/client';
import { isLeadlineEvent } from '../../lib/messaging/events';
import { ProfilePanelModel } from '../../lib/ui/profile-panel-model';
import { watchPage } from '../../lib/content/page-watch';
import { mountSidebar } from '../../lib/content/mount-sidebar';
import { ProfilePanel } from '../../components/sidebar/ProfilePanel';

export default defineContentScript({
  matches: LINKEDIN_MATCHES,
  cssInjectionMode: 'ui',
  async main(ctx) {
    const model = new ProfilePanelModel(send);
    // 320px sidebar, 8px from the edge, 8px gap.
    const sidebar = await mountSidebar(ctx, { site: 'linkedin', offsetPx: 336, content: () => <ProfilePanel model={model} /> });

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
        sidebar.show(true);
        void model.showProfile(profile);
      },
      onIrrelevant: () => {
        sidebar.show(false);
        model.clear();
      },
    });

    browser.runtime.onMessage.addListener((message) => {
      if (!ctx.isValid || !isLeadlineEvent(message)) return;
      if (message.leadline === 'changed') void model.onChanged(message.leadIds);
      else if (message.leadline === 'toggle-sidebar') sidebar.toggle();
    });
  },
});

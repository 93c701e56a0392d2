import { browser } from 'wxt/browser';
import { LINKEDIN_MATCHES } from '../../lib/sites/hosts';
import { extract } from '../../lib/sites/linkedin/extract';
import { isProfile, profileSlug } from '../../lib/sites/linkedin/url';
import { isLeadlineEvent } from '../../lib/messaging/events';
import { watchPage } from '../../lib/content/page-watch';
import { mountSidebarFrame } from '../../lib/content/frame-host';
import { FrameChannel } from '../../lib/content/frame-channel';
import { guardAgainstReplays } from '../../lib/content/guard';

export default defineContentScript({
  matches: LINKEDIN_MATCHES,
  noScriptStartedPostMessage: true,
  async main(ctx) {
    guardAgainstReplays(ctx);
    const sidebar = await mountSidebarFrame(ctx, 'linkedin', new FrameChannel(ctx, 'linkedin'));

    // LinkedIn is a single-page app: the address changes first, the profile markup follows.
    // Read the page until it shows the profile the address names (or give up and show what we have).
    watchPage(ctx, {
      isRelevant: (url) => isProfile(url),
      read: (url) => {
        const profile = extract(document, url);
        const fresh = profile.contentSlug === null || profile.contentSlug === profileSlug(url);
        return { value: { profile, url }, complete: fresh && profile.found.name !== undefined, fresh };
      },
      onRead: ({ profile, url }) => sidebar.show({ kind: 'linkedin-profile', url, profile }),
      onIrrelevant: () => sidebar.show({ kind: 'none' }),
    });

    browser.runtime.onMessage.addListener((message) => {
      if (ctx.isValid && isLeadlineEvent(message) && message.leadline === 'toggle-sidebar') sidebar.toggle();
    });
  },
});

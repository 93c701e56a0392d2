import { browser } from 'wxt/browser';
import { LINKEDIN_MATCHES } from '../../lib/sites/hosts';
import { isLeadlineEvent } from '../../lib/messaging/events';
import { watchPage } from '../../lib/content/page-watch';
import { mountSidebarFrame } from '../../lib/content/frame-host';
import { FrameChannel } from '../../lib/content/frame-channel';
import { guardAgainstReplays } from '../../lib/content/guard';
import { MemberIds, readLinkedinPage } from '../../lib/content/linkedin-page';
import { RowMarks } from '../../lib/content/row-marks';

export default defineContentScript({
  matches: LINKEDIN_MATCHES,
  noScriptStartedPostMessage: true,
  async main(ctx) {
    guardAgainstReplays(ctx);
    const marks = new RowMarks(ctx);
    const sidebar = await mountSidebarFrame(ctx, 'linkedin', new FrameChannel(ctx, 'linkedin'), (message) => {
      if (message.type === 'known-rows' && Array.isArray(message.profileUrls)) marks.setKnown(message.profileUrls.filter((u) => typeof u === 'string'));
    });
    const memberIds = new MemberIds();

    // LinkedIn is a single-page app: the address changes first, the page's markup follows. Every
    // page is read (overlay conversations open anywhere) and watched for as long as it is open
    // (lists grow, messages arrive); a reading is sent on only when it differs from the last.
    watchPage(ctx, {
      isRelevant: () => true,
      read: (url) => {
        const reading = readLinkedinPage(document, url, new Date(), memberIds);
        // Rows re-rendered by the page lose their marks: every reading puts them back.
        marks.setRows(reading.rows);
        return reading;
      },
      onRead: (context) => sidebar.show(context),
      onIrrelevant: () => sidebar.show({ kind: 'none' }),
      keepWatching: true,
      debounceMs: 300,
    });

    browser.runtime.onMessage.addListener((message) => {
      if (ctx.isValid && isLeadlineEvent(message) && message.leadline === 'toggle-sidebar') sidebar.toggle();
    });
  },
});

/**
 * The sidebar frame's state: which site and page context the content script reported, whether it
 * is collapsed, and the panel model for that context.
 */
import { signal } from '@preact/signals';
import type { FrameMessage, HostMessage, PageContext, Site } from '../messaging/sidebar-channel';
import { ProfilePanelModel } from './profile-panel-model';
import { ThreadPanelModel } from './thread-panel-model';
import { ConversationsModel } from './conversation-model';
import { CompanyPanelModel } from './company-panel-model';
import { PeopleListModel } from './people-list-model';
import { PersonPanelModel } from './person-panel-model';
import type { Send } from './send';

export class SidebarModel {
  readonly site = signal<Site | null>(null);
  readonly context = signal<PageContext>({ kind: 'none' });
  readonly collapsed = signal(false);
  readonly profile: ProfilePanelModel;
  readonly thread: ThreadPanelModel;
  /** LinkedIn beyond the profile page. */
  readonly conversations: ConversationsModel;
  readonly company: CompanyPanelModel;
  readonly people: PeopleListModel;
  readonly salesLead: PersonPanelModel;
  private post: (message: FrameMessage) => void = () => {};

  constructor(send: Send) {
    this.profile = new ProfilePanelModel(send);
    this.thread = new ThreadPanelModel(send);
    this.conversations = new ConversationsModel(send);
    this.company = new CompanyPanelModel(send);
    this.people = new PeopleListModel(send, (profileUrls) => this.post({ type: 'known-rows', profileUrls }));
    this.salesLead = new PersonPanelModel(send);
  }

  /** The content script is connected: layout wishes go to it from now on. */
  connect(site: Site, post: (message: FrameMessage) => void): void {
    this.site.value = site;
    this.post = post;
  }

  receive(message: HostMessage): void {
    if (message.type === 'collapsed') this.collapsed.value = message.value;
    else if (message.type === 'context') this.show(message.context);
  }

  toggle(): void {
    this.collapsed.value = !this.collapsed.value;
    this.post({ type: 'collapse', value: this.collapsed.value });
  }

  /** Data changed somewhere: the panel on screen refreshes. */
  async onChanged(leadIds: string[]): Promise<void> {
    const kind = this.context.value.kind;
    if (kind === 'linkedin-profile') await this.profile.onChanged(leadIds);
    else if (kind === 'gmail-thread') await this.thread.onChanged();
    else if (kind === 'linkedin-company') await this.company.onChanged();
    else if (kind === 'linkedin-people') await this.people.onChanged();
    else if (kind === 'linkedin-salesnav') await this.salesLead.onChanged(leadIds);
    await this.conversations.onChanged(leadIds);
  }

  private show(context: PageContext): void {
    this.context.value = context;
    if (context.kind === 'linkedin-profile') void this.profile.showProfile(context.profile, { memberId: context.memberId, companyUrl: context.companyUrl });
    else this.profile.clear();
    if (context.kind === 'gmail-thread') void this.thread.showThread(context.thread, context.url, context.ownEmails);
    else this.thread.clear();
    if (context.kind === 'linkedin-company') void this.company.show(context.company);
    else this.company.clear();
    if (context.kind === 'linkedin-people') void this.people.show(context.people);
    else this.people.clear();
    if (context.kind === 'linkedin-salesnav') {
      const { found } = context.lead;
      void this.salesLead.show({
        name: found.name ?? null,
        headline: found.headline ?? null,
        company: found.company ?? null,
        location: found.location ?? null,
        linkedinUrl: found.publicProfileUrl ?? null,
        linkedinMemberId: null,
        salesNavUrl: found.salesUrl ?? null,
        linkBy: 'salesNavUrl',
        pageUrl: context.url,
      });
    } else this.salesLead.clear();
    const conversations = 'conversations' in context ? (context.conversations ?? []) : [];
    if (conversations.length > 0) void this.conversations.show(conversations, context.kind === 'none' ? '' : context.url);
    else this.conversations.clear();
  }
}

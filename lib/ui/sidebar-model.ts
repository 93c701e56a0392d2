/**
 * The sidebar frame's state: which site and page context the content script reported, whether it
 * is collapsed, and the panel model for that context.
 */
import { signal } from '@preact/signals';
import type { FrameMessage, HostMessage, PageContext, Site } from '../messaging/sidebar-channel';
import { ProfilePanelModel } from './profile-panel-model';
import { ThreadPanelModel } from './thread-panel-model';
import type { Send } from './send';

export class SidebarModel {
  readonly site = signal<Site | null>(null);
  readonly context = signal<PageContext>({ kind: 'none' });
  readonly collapsed = signal(false);
  readonly profile: ProfilePanelModel;
  readonly thread: ThreadPanelModel;
  private post: (message: FrameMessage) => void = () => {};

  constructor(send: Send) {
    this.profile = new ProfilePanelModel(send);
    this.thread = new ThreadPanelModel(send);
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
  }

  private show(context: PageContext): void {
    this.context.value = context;
    if (context.kind === 'linkedin-profile') void this.profile.showProfile(context.profile);
    else this.profile.clear();
    if (context.kind === 'gmail-thread') void this.thread.showThread(context.thread, context.url, context.ownEmails);
    else this.thread.clear();
  }
}

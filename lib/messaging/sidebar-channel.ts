/**
 * The channel between a content script and the sidebar frame it mounted. The sidebar is an
 * extension page in an iframe, so the host page can neither read it nor drive it. The content
 * script reads the page and sends what it found (the page context); the frame sends layout
 * wishes back. An extension frame inside a web page cannot reach its tab in Firefox (no `tabs`
 * there), so the frame connects to the background, which pipes the port to the tab's top-frame
 * content script and adds change events. The page cannot join: the port name carries a nonce the
 * content script handed to its own frame through `postMessage` addressed to the extension's origin.
 */
import type { ProfileExtraction } from '../sites/linkedin/extract';
import type { ConversationExtraction } from '../sites/linkedin/messaging';
import type { CompanyExtraction } from '../sites/linkedin/company';
import type { SalesLeadExtraction } from '../sites/linkedin/salesnav';
import type { GmailThread } from '../sites/gmail/extract';
import type { ComposeKind, RecipientField } from '../sites/gmail/compose';

export const PORT_PREFIX = 'leadline-sidebar:';

/** A person row of a search result or My Network list, as plain data (no elements cross the channel). */
export interface ListedPerson {
  name: string | null;
  headline: string | null;
  location: string | null;
  /** `https://www.linkedin.com/in/<slug or member id>/`. */
  profileUrl: string;
  profileUrlKind: 'vanity' | 'member-id';
  /** The `ACoAA…` the row names the person by, when it does. */
  memberId: string | null;
}

/** Conversations open on a LinkedIn page (the thread pane, overlay bubbles), each as read. */
export interface WithConversations {
  conversations: ConversationExtraction[];
}

/** What the page on screen shows, as the content script read it. */
export type PageContext =
  | { kind: 'none' }
  | ({
      kind: 'linkedin-profile';
      url: string;
      profile: ProfileExtraction;
      /** The member id the page's data names the profile by (null: not on the page). */
      memberId?: string | null;
      /** The current company's LinkedIn page, when the profile links it. */
      companyUrl?: string | null;
    } & Partial<WithConversations>)
  | ({ kind: 'linkedin-messaging'; url: string } & WithConversations)
  | ({ kind: 'linkedin-company'; url: string; company: CompanyExtraction } & WithConversations)
  | ({ kind: 'linkedin-people'; url: string; people: ListedPerson[] } & WithConversations)
  | ({ kind: 'linkedin-salesnav'; url: string; lead: SalesLeadExtraction } & WithConversations)
  | { kind: 'gmail-thread'; url: string; thread: GmailThread; ownEmails: string[] }
  | { kind: 'gmail-compose'; url: string; compose: ComposeSummary; ownEmails: string[] };

/** What a compose window holds, as plain data (no elements cross the channel). */
export interface ComposeSummary {
  kind: ComposeKind;
  recipients: { email: string; name: string | null; field: RecipientField }[];
  subject: string | null;
}

/** The frames a content script mounts: the sidebar, and a compose control per Gmail compose. */
export type FrameKind = 'sidebar' | 'compose';

export type Site = 'linkedin' | 'gmail';

export type HostMessage =
  | { type: 'context'; context: PageContext }
  /** The collapsed state (the keyboard command toggles it in the content script). */
  | { type: 'collapsed'; value: boolean };

export type FrameMessage =
  | { type: 'collapse'; value: boolean }
  /** The compose control's "Log to Leadline" switch. */
  | { type: 'log-on-send'; value: boolean }
  /** The compose control opened or closed its recipient list. */
  | { type: 'expand'; value: boolean }
  /** The people of the list on screen who are leads: their rows get a mark in the page. */
  | { type: 'known-rows'; profileUrls: string[] };

/** Added by the background on the frame's side of the pipe: data changed, refresh. */
export interface FrameEvent {
  type: 'changed';
  leadIds: string[];
}

/** Sent once by the content script to its own frame (addressed to the extension's origin). */
export interface FrameHello {
  leadline: 'hello';
  nonce: string;
  site: Site;
  kind: FrameKind;
}

export function isFrameHello(data: unknown): data is FrameHello {
  const d = data as Partial<FrameHello> | null;
  return (
    !!d &&
    d.leadline === 'hello' &&
    typeof d.nonce === 'string' &&
    (d.site === 'linkedin' || d.site === 'gmail') &&
    (d.kind === 'sidebar' || d.kind === 'compose')
  );
}

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
import type { GmailThread } from '../sites/gmail/extract';
import type { ComposeKind, RecipientField } from '../sites/gmail/compose';

export const PORT_PREFIX = 'leadline-sidebar:';

/** What the page on screen shows, as the content script read it. */
export type PageContext =
  | { kind: 'none' }
  | { kind: 'linkedin-profile'; url: string; profile: ProfileExtraction }
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
  | { type: 'expand'; value: boolean };

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

/** Events the background sends to sidebars and pages; free of zod so UI bundles stay small. */

/** Broadcast by the background after every write, so open sidebars and pages refresh. */
export interface ChangedEvent {
  leadline: 'changed';
  leadIds: string[];
}

/** Sent by the background to a tab when the user presses the toggle-sidebar command. */
export interface ToggleEvent {
  leadline: 'toggle-sidebar';
}

export type LeadlineEvent = ChangedEvent | ToggleEvent;

export function isLeadlineEvent(message: unknown): message is LeadlineEvent {
  const tag = (message as { leadline?: unknown } | null)?.leadline;
  return tag === 'changed' || tag === 'toggle-sidebar';
}

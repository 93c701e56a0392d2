/** The one-click touchpoints a sidebar offers. */
import type { MessageKey } from '../i18n/i18n';
import type { Channel, Direction } from '../pipeline/model';

export interface QuickLog {
  id: string;
  /** The button's words (a catalogue key). */
  label: MessageKey;
  channel: Channel;
  direction: Direction;
}

export const QUICK_LOGS: QuickLog[] = [
  { id: 'connection', label: 'log_connection_sent', channel: 'linkedin-connection', direction: 'outbound' },
  { id: 'message-sent', label: 'log_message_sent', channel: 'linkedin-message', direction: 'outbound' },
  { id: 'message-received', label: 'log_message_received', channel: 'linkedin-message', direction: 'inbound' },
  { id: 'call', label: 'log_call', channel: 'call', direction: 'outbound' },
  // A meeting that took place is two-way engagement, so it counts like a reply.
  { id: 'meeting', label: 'log_meeting_held', channel: 'meeting', direction: 'inbound' },
  { id: 'note', label: 'log_note', channel: 'note', direction: 'internal' },
];

/** The one-click touchpoints a sidebar offers. */
import type { Channel, Direction } from '../pipeline/model';

export interface QuickLog {
  id: string;
  label: string;
  channel: Channel;
  direction: Direction;
}

export const QUICK_LOGS: QuickLog[] = [
  { id: 'connection', label: 'Connection request sent', channel: 'linkedin-connection', direction: 'outbound' },
  { id: 'message-sent', label: 'Message sent', channel: 'linkedin-message', direction: 'outbound' },
  { id: 'message-received', label: 'Message received', channel: 'linkedin-message', direction: 'inbound' },
  { id: 'call', label: 'Call', channel: 'call', direction: 'outbound' },
  // A meeting that took place is two-way engagement, so it counts like a reply.
  { id: 'meeting', label: 'Meeting held', channel: 'meeting', direction: 'inbound' },
  { id: 'note', label: 'Note', channel: 'note', direction: 'internal' },
];

export const CHANNEL_LABELS: Record<Channel, string> = {
  email: 'Email',
  'linkedin-message': 'LinkedIn message',
  'linkedin-connection': 'Connection request',
  call: 'Call',
  meeting: 'Meeting',
  note: 'Note',
  other: 'Other',
};

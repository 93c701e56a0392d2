/** The sending side: a typed call to the background that throws the background's error message. */
import { browser } from 'wxt/browser';
import type { Envelope, Issue, MessageName, Payload, Reply, Request } from './protocol';

export class BackgroundError extends Error {
  constructor(
    message: string,
    /** Which fields of the payload were refused, when the payload was invalid. */
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

/** Sends a request to the background and returns its reply, or throws a readable error. */
export async function send<K extends MessageName>(type: K, payload: Payload<K>): Promise<Reply<K>> {
  const request: Request<K> = { leadline: 'request', type, payload };
  let envelope: Envelope<Reply<K>> | undefined;
  try {
    envelope = await browser.runtime.sendMessage(request);
  } catch (error) {
    throw new BackgroundError(`Leadline's background is not reachable (${(error as Error).message}). Reload the page.`);
  }
  if (!envelope) throw new BackgroundError("No answer from Leadline's background.");
  if (!envelope.ok) throw new BackgroundError(envelope.error, envelope.issues);
  return envelope.value;
}

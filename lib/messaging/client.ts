/** The sending side: a typed call to the background that throws the background's error message. */
import { browser } from 'wxt/browser';
import type { Envelope, Issue, MessageName, Payload, Reply, Request } from './protocol';
import type { ErrorCode, ErrorParams } from './errors';

/** The background's refusal: its English message, its code for the page's language, refused fields. */
export class BackgroundError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode | undefined = undefined,
    readonly params: ErrorParams = {},
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
    const detail = (error as Error).message;
    throw new BackgroundError(`Leadline's background is not reachable (${detail}). Reload the page.`, 'background_unreachable', { detail });
  }
  if (!envelope) throw new BackgroundError("No answer from Leadline's background.", 'no_answer');
  if (!envelope.ok) throw new BackgroundError(envelope.error, envelope.code, envelope.params, envelope.issues);
  return envelope.value;
}

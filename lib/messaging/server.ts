/** The receiving side of the protocol: checks the sender, parses the payload, runs a handler. */
import { z } from 'zod';
import { protocol, type Envelope, type MessageName, type ParsedPayload, type Reply } from './protocol';
import { codeOf } from './errors';
import { issueOf } from './issues';

export type Handlers = { [K in MessageName]: (payload: ParsedPayload<K>) => Promise<Reply<K>> };

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { url?: string };
}

export interface SenderPolicy {
  extensionId: string;
  /** `chrome-extension://<id>/` */
  extensionOrigin: string;
  /** True for the host pages our content scripts run on. */
  isHostPage: (url: string) => boolean;
}

type Source = 'extension-page' | 'content-script';

function sourceOf(sender: SenderInfo, policy: SenderPolicy): Source | null {
  if (sender.id !== policy.extensionId) return null;
  const url = sender.url ?? '';
  if (url.startsWith(policy.extensionOrigin)) return 'extension-page';
  if (sender.tab && policy.isHostPage(url)) return 'content-script';
  return null;
}

/** A readable one-line account of what was wrong with a payload. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** A handler's failure as a reply: its English message, and its code for the page's language. */
function failure(error: unknown): Envelope<never> {
  if (error instanceof z.ZodError) return { ok: false, error: `Invalid data: ${describeZodError(error)}`, code: 'invalid', issues: error.issues.map(issueOf) };
  if (error instanceof Error && error.name === 'ConstraintError') {
    return { ok: false, error: 'Another lead already has that LinkedIn URL or email address.', code: 'duplicate_url_or_email', params: {} };
  }
  const coded = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return coded ? { ok: false, error: message, ...coded } : { ok: false, error: message };
}

/** Builds the dispatcher the background's onMessage listener calls. */
export function createDispatcher(handlers: Handlers, policy: SenderPolicy) {
  return async (raw: unknown, sender: SenderInfo): Promise<Envelope<unknown>> => {
    const source = sourceOf(sender, policy);
    if (!source) return { ok: false, error: 'Sender not allowed.', code: 'sender_not_allowed', params: {} };
    if (typeof raw !== 'object' || raw === null || (raw as { leadline?: unknown }).leadline !== 'request') {
      return { ok: false, error: 'Not a Leadline request.', code: 'not_a_request', params: {} };
    }
    const { type, payload } = raw as { type?: unknown; payload?: unknown };
    if (typeof type !== 'string' || !Object.hasOwn(protocol, type)) {
      return { ok: false, error: `Unknown message type ${JSON.stringify(type)}.`, code: 'unknown_type', params: { type: String(type) } };
    }
    const name = type as MessageName;
    const def = protocol[name];
    if (def.from === 'extension-page' && source !== 'extension-page') {
      return { ok: false, error: `${name} may only be sent from Leadline's own pages.`, code: 'pages_only', params: { type: name } };
    }
    const parsed = def.input.safeParse(payload ?? {});
    if (!parsed.success) {
      return { ok: false, error: `Invalid ${name}: ${describeZodError(parsed.error)}`, code: 'invalid', params: {}, issues: parsed.error.issues.map(issueOf) };
    }
    try {
      const handler = handlers[name] as (p: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return failure(error);
    }
  };
}

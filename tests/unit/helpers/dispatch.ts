import { createDispatcher, type SenderInfo } from '../../../lib/messaging/server';
import { createHandlers } from '../../../lib/background/service';
import { BackgroundError } from '../../../lib/messaging/client';
import type { Envelope } from '../../../lib/messaging/protocol';
import type { Send } from '../../../lib/ui/send';
import { freshRepo } from './db';

export const EXT = 'abcdefghijklmnopabcdefghijklmnop';
/** A sidebar frame: an extension page inside a LinkedIn tab. */
export const SIDEBAR: SenderInfo = { id: EXT, url: `chrome-extension://${EXT}/sidebar.html`, tab: { url: 'https://www.linkedin.com/feed/' } };
/** The LinkedIn content script itself. */
export const CONTENT_SCRIPT: SenderInfo = { id: EXT, url: 'https://www.linkedin.com/feed/', tab: { url: 'https://www.linkedin.com/feed/' } };

/**
 * A `Send` through the real dispatcher and handlers over a fresh fake-indexeddb database, sent as
 * the sidebar frame sends (payloads parsed by the protocol, refusals thrown as the client throws
 * them). `changed` lists the change events; `dispatch` sends as anyone.
 */
export async function sidebarSend(start?: string) {
  const ctx = await freshRepo(start);
  const changed: string[][] = [];
  const dispatch = createDispatcher(
    createHandlers(ctx.repo, (ids) => changed.push(ids)),
    { extensionId: EXT, extensionOrigin: `chrome-extension://${EXT}/`, isHostPage: (url) => url.startsWith('https://www.linkedin.com/') },
  );
  const send = (async (type, payload) => {
    const envelope = (await dispatch({ leadline: 'request', type, payload }, SIDEBAR)) as Envelope<never>;
    if (!envelope.ok) throw new BackgroundError(envelope.error, envelope.code, envelope.params, envelope.issues);
    return envelope.value;
  }) as Send;
  return { ...ctx, send, dispatch, changed };
}

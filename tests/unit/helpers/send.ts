import { createDispatcher } from '../../../lib/messaging/server';
import { createHandlers } from '../../../lib/background/service';
import { BackgroundError } from '../../../lib/messaging/client';
import type { Envelope } from '../../../lib/messaging/protocol';
import type { Send } from '../../../lib/ui/send';
import { freshRepo } from './db';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';

/**
 * A `Send` that goes through the real dispatcher and handlers over a fresh fake-indexeddb
 * database, as the pipeline page's does through the background: payloads parsed by the protocol,
 * refusals thrown as the client throws them. `calls` lists what was sent.
 */
export async function backgroundSend(start?: string) {
  const ctx = await freshRepo(start);
  const changed: string[][] = [];
  const dispatch = createDispatcher(
    createHandlers(ctx.repo, (ids) => changed.push(ids)),
    { extensionId: EXT, extensionOrigin: `chrome-extension://${EXT}/`, isHostPage: () => false },
  );
  const calls: string[] = [];
  const send = (async (type, payload) => {
    calls.push(type);
    const envelope = (await dispatch({ leadline: 'request', type, payload }, { id: EXT, url: `chrome-extension://${EXT}/pipeline.html` })) as Envelope<never>;
    if (!envelope.ok) throw new BackgroundError(envelope.error, envelope.code, envelope.params, envelope.issues);
    return envelope.value;
  }) as Send;
  return { ...ctx, send, calls, changed };
}

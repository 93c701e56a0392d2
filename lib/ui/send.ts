import type { MessageName, Payload, Reply } from '../messaging/protocol';

/** The typed call to the background, injected into models so tests can stand in for it. */
export type Send = <K extends MessageName>(type: K, payload: Payload<K>) => Promise<Reply<K>>;

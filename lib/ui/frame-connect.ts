/**
 * A Leadline frame's side of its channel: waits for the hello of the content script that mounted
 * it (a nonce, addressed to this origin), connects through the background with that nonce, and
 * reconnects when an accepted port drops (the background was stopped). A port the content script
 * refuses (a hello the page forged) carries nothing.
 */
import { browser } from 'wxt/browser';
import { isFrameHello, PORT_PREFIX, type FrameEvent, type FrameKind, type FrameMessage, type HostMessage, type Site } from '../messaging/sidebar-channel';

export interface FrameConnection {
  /** The content script accepted this frame: messages to it go through `post`. */
  onAccepted(site: Site, post: (message: FrameMessage) => void): void;
  onMessage(message: HostMessage | FrameEvent): void;
}

export function connectFrame(kind: FrameKind, handlers: FrameConnection): void {
  const tried = new Set<string>();
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || !isFrameHello(event.data) || event.data.kind !== kind || tried.has(event.data.nonce)) return;
    tried.add(event.data.nonce);
    connect(event.data.nonce, event.data.site);
  });

  function connect(nonce: string, site: Site) {
    const port = browser.runtime.connect({ name: PORT_PREFIX + nonce });
    let accepted = false;
    port.onMessage.addListener((message: HostMessage | FrameEvent) => {
      if (!accepted) {
        accepted = true;
        handlers.onAccepted(site, (m) => port.postMessage(m));
      }
      handlers.onMessage(message);
    });
    port.onDisconnect.addListener(() => {
      if (accepted) setTimeout(() => connect(nonce, site), 100);
    });
  }
}

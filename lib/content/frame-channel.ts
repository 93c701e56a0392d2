/**
 * The content script's side of its frames' ports (the sidebar, and a compose control per Gmail
 * compose window). Each frame is an extension page in an iframe the content script made; it learns
 * a nonce from the content script's `postMessage` (addressed to the extension's origin, so the page
 * never sees it) and connects through the background with that nonce in the port's name. A port
 * naming a nonce this script did not hand out is refused.
 */
import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PORT_PREFIX, type FrameHello, type FrameKind, type FrameMessage, type HostMessage } from '../messaging/sidebar-channel';

export interface FrameLink {
  /** Sends to the frame when it is connected (dropped otherwise: `onConnect` re-sends the state). */
  post(message: HostMessage): void;
  /** Says hello to the frame's window, once it has loaded. */
  greet(iframe: HTMLIFrameElement): void;
  close(): void;
}

interface Handlers {
  onConnect(): void;
  onMessage(message: FrameMessage): void;
}

export class FrameChannel {
  private readonly frames = new Map<string, { port: Browser.runtime.Port | null; handlers: Handlers }>();
  private readonly origin = new URL(browser.runtime.getURL('/')).origin;

  constructor(
    ctx: ContentScriptContext,
    private readonly site: FrameHello['site'],
  ) {
    const onConnect = (port: Browser.runtime.Port) => {
      if (!port.name.startsWith(PORT_PREFIX)) return;
      const entry = this.frames.get(port.name.slice(PORT_PREFIX.length));
      if (!entry || port.sender?.id !== browser.runtime.id) {
        port.disconnect();
        return;
      }
      entry.port = port;
      port.onMessage.addListener((message: FrameMessage) => entry.handlers.onMessage(message));
      port.onDisconnect.addListener(() => {
        if (entry.port === port) entry.port = null;
      });
      entry.handlers.onConnect();
    };
    browser.runtime.onConnect.addListener(onConnect);
    ctx.onInvalidated(() => browser.runtime.onConnect.removeListener(onConnect));
  }

  /** Registers a frame of `kind`; its port is accepted once it connects with the nonce given here. */
  open(kind: FrameKind, handlers: Handlers): FrameLink {
    const nonce = crypto.randomUUID();
    const entry = { port: null as Browser.runtime.Port | null, handlers };
    this.frames.set(nonce, entry);
    return {
      post: (message) => {
        try {
          entry.port?.postMessage(message);
        } catch {
          entry.port = null; // the frame went away; it says hello again when it loads
        }
      },
      greet: (iframe) => {
        const hello: FrameHello = { leadline: 'hello', nonce, site: this.site, kind };
        iframe.contentWindow?.postMessage(hello, this.origin);
      },
      close: () => {
        entry.port?.disconnect();
        this.frames.delete(nonce);
      },
    };
  }
}

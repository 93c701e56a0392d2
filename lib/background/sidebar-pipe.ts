/**
 * The background's half of the sidebar channel: a sidebar frame connects here (it cannot reach its
 * tab itself in Firefox), and its port is piped to the top-frame content script of the same tab,
 * which checks the nonce in the port's name. Open sidebar frames also hear change events here.
 */
import { browser, type Browser } from 'wxt/browser';
import { PORT_PREFIX, type FrameEvent } from '../messaging/sidebar-channel';

export interface SidebarPipes {
  /** Tells every open sidebar frame that data changed. */
  changed(leadIds: string[]): void;
}

export function pipeSidebars(extensionOrigin: string): SidebarPipes {
  const frames = new Set<Browser.runtime.Port>();
  browser.runtime.onConnect.addListener((frame) => {
    if (!frame.name.startsWith(PORT_PREFIX)) return;
    const tabId = frame.sender?.tab?.id;
    if (tabId === undefined || !frame.sender?.url?.startsWith(extensionOrigin)) {
      frame.disconnect();
      return;
    }
    const host = browser.tabs.connect(tabId, { name: frame.name, frameId: 0 });
    let open = true;
    const close = () => {
      if (!open) return;
      open = false;
      frames.delete(frame);
      for (const port of [frame, host]) {
        try {
          port.disconnect();
        } catch {
          // already gone
        }
      }
    };
    frame.onMessage.addListener((message) => host.postMessage(message));
    host.onMessage.addListener((message) => {
      // The content script answered: this frame is its own; from now on it hears changes too.
      frames.add(frame);
      frame.postMessage(message);
    });
    frame.onDisconnect.addListener(close);
    host.onDisconnect.addListener(close);
  });
  return {
    changed(leadIds) {
      const event: FrameEvent = { type: 'changed', leadIds };
      for (const frame of frames) {
        try {
          frame.postMessage(event);
        } catch {
          frames.delete(frame);
        }
      }
    },
  };
}

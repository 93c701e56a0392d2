import { render } from 'preact';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/client';
import { isLeadlineEvent } from '../../lib/messaging/events';
import { isFrameHello, PORT_PREFIX, type HostMessage } from '../../lib/messaging/sidebar-channel';
import { SidebarModel } from '../../lib/ui/sidebar-model';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import '../../components/shared/leadline.css';

const model = new SidebarModel(send);
const tried = new Set<string>();

// The content script that mounted this frame says hello with a nonce, addressed to this origin;
// the port it accepts is this frame's only source of page context. A hello the page forged names
// a nonce the content script refuses: its port is disconnected before it carries anything.
window.addEventListener('message', async (event) => {
  if (event.source !== window.parent || !isFrameHello(event.data) || tried.has(event.data.nonce)) return;
  const { nonce, site } = event.data;
  tried.add(nonce);
  const tab = await browser.tabs.getCurrent();
  if (tab?.id === undefined) return;
  const port = browser.tabs.connect(tab.id, { name: PORT_PREFIX + nonce, frameId: 0 });
  let bound = false;
  port.onMessage.addListener((message: HostMessage) => {
    if (!bound) {
      bound = true;
      model.connect(site, (m) => port.postMessage(m));
    }
    model.receive(message);
  });
});

browser.runtime.onMessage.addListener((message) => {
  if (isLeadlineEvent(message) && message.leadline === 'changed') void model.onChanged(message.leadIds);
});
render(<SidebarApp model={model} />, document.getElementById('app')!);

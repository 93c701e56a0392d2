import { render } from 'preact';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/client';
import { isFrameHello, PORT_PREFIX, type FrameEvent, type HostMessage, type Site } from '../../lib/messaging/sidebar-channel';
import { SidebarModel } from '../../lib/ui/sidebar-model';
import { showLanguage } from '../../lib/ui/language';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import '../../components/shared/leadline.css';

const model = new SidebarModel(send);
const tried = new Set<string>();

/** The language the settings ask for; the browser's while they cannot be read. */
const settingsLanguage = () =>
  send('settings.get', {}).then(
    (s) => s.language,
    () => null,
  );

// The content script that mounted this frame says hello with a nonce, addressed to this origin.
// The frame connects through the background, which pipes the port to that content script; the
// content script refuses a nonce it did not give (a hello the page forged), and a refused port
// carries nothing. An accepted port that drops (the background was stopped) is opened again.
window.addEventListener('message', (event) => {
  if (event.source !== window.parent || !isFrameHello(event.data) || tried.has(event.data.nonce)) return;
  tried.add(event.data.nonce);
  connect(event.data.nonce, event.data.site);
});

function connect(nonce: string, site: Site) {
  const port = browser.runtime.connect({ name: PORT_PREFIX + nonce });
  let accepted = false;
  port.onMessage.addListener((message: HostMessage | FrameEvent) => {
    if (!accepted) {
      accepted = true;
      model.connect(site, (m) => port.postMessage(m));
    }
    if (message.type === 'changed') {
      // A change of no lead in particular may be the settings: the language may have changed.
      if (message.leadIds.length === 0) void settingsLanguage().then(showLanguage);
      void model.onChanged(message.leadIds);
    } else model.receive(message);
  });
  port.onDisconnect.addListener(() => {
    if (accepted) setTimeout(() => connect(nonce, site), 100);
  });
}

// Drawn once a catalogue is in: the browser's language while the settings are asked for.
void Promise.all([showLanguage(null), settingsLanguage()]).then(async ([, setting]) => {
  await showLanguage(setting);
  render(<SidebarApp model={model} />, document.getElementById('app')!);
});

import { render } from 'preact';
import { send } from '../../lib/messaging/client';
import { SidebarModel } from '../../lib/ui/sidebar-model';
import { connectFrame } from '../../lib/ui/frame-connect';
import { showLanguage } from '../../lib/ui/language';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import '../../components/shared/leadline.css';

const model = new SidebarModel(send);

/** The language the settings ask for; the browser's while they cannot be read. */
const settingsLanguage = () =>
  send('settings.get', {}).then(
    (s) => s.language,
    () => null,
  );

connectFrame('sidebar', {
  onAccepted: (site, post) => model.connect(site, post),
  onMessage: (message) => {
    if (message.type === 'changed') {
      // A change without leads is a settings change: the language may be what changed.
      if (message.leadIds.length === 0) void settingsLanguage().then(showLanguage);
      void model.onChanged(message.leadIds);
    } else model.receive(message);
  },
});

// Drawn once a catalogue is in: the browser's language while the settings are asked for.
void Promise.all([showLanguage(null), settingsLanguage()]).then(async ([, setting]) => {
  await showLanguage(setting);
  render(<SidebarApp model={model} />, document.getElementById('app')!);
});

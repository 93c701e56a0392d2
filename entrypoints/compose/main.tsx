import { render } from 'preact';
import { send } from '../../lib/messaging/client';
import { ComposeModel } from '../../lib/ui/compose-model';
import { connectFrame } from '../../lib/ui/frame-connect';
import { showLanguage } from '../../lib/ui/language';
import { ComposeControl } from '../../components/sidebar/ComposeControl';
import '../../components/shared/leadline.css';

const model = new ComposeModel(send);
const settingsLanguage = () =>
  send('settings.get', {}).then(
    (s) => s.language,
    () => null,
  );

connectFrame('compose', {
  onAccepted: (_site, post) => void model.connect(post),
  onMessage: (message) => {
    if (message.type === 'changed') {
      if (message.leadIds.length === 0) void settingsLanguage().then(showLanguage);
      void model.lookup();
    } else model.receive(message);
  },
});

void Promise.all([showLanguage(null), settingsLanguage()]).then(async ([, setting]) => {
  await showLanguage(setting);
  render(<ComposeControl model={model} />, document.getElementById('app')!);
});

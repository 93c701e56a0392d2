import { render } from 'preact';
import { loadUiLanguage } from '../../lib/ui/boot-language';
import { send } from '../../lib/messaging/client';
import { ComposeModel } from '../../lib/ui/compose-model';
import { connectFrame } from '../../lib/ui/frame-connect';
import { ComposeControl } from '../../components/sidebar/ComposeControl';
import '../../components/shared/leadline.css';

const model = new ComposeModel(send);
connectFrame('compose', {
  onAccepted: (_site, post) => void model.connect(post),
  onMessage: (message) => {
    if (message.type === 'changed') void model.lookup();
    else model.receive(message);
  },
});
void loadUiLanguage().finally(() => render(<ComposeControl model={model} />, document.getElementById('app')!));

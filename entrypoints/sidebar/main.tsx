import { render } from 'preact';
import { loadUiLanguage } from '../../lib/ui/boot-language';
import { send } from '../../lib/messaging/client';
import { SidebarModel } from '../../lib/ui/sidebar-model';
import { connectFrame } from '../../lib/ui/frame-connect';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import '../../components/shared/leadline.css';

const model = new SidebarModel(send);
connectFrame('sidebar', {
  onAccepted: (site, post) => model.connect(site, post),
  onMessage: (message) => {
    if (message.type === 'changed') void model.onChanged(message.leadIds);
    else model.receive(message);
  },
});
void loadUiLanguage().finally(() => render(<SidebarApp model={model} />, document.getElementById('app')!));

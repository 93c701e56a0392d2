import { render } from 'preact';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/client';
import { isLeadlineEvent } from '../../lib/messaging/events';
import { loadCatalog } from '../../lib/i18n/load';
import { PopupModel } from '../../lib/ui/popup-model';
import { Popup } from '../../components/popup/Popup';
import '../../components/popup/popup.css';

const model = new PopupModel(send);
browser.runtime.onMessage.addListener((message) => {
  if (isLeadlineEvent(message) && message.leadline === 'changed') void model.load();
});
void model.load();
void loadCatalog();
render(<Popup model={model} />, document.getElementById('app')!);

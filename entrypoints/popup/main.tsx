import { effect } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/client';
import { isLeadlineEvent } from '../../lib/messaging/events';
import { PopupModel } from '../../lib/ui/popup-model';
import { showLanguage } from '../../lib/ui/language';
import { Popup } from '../../components/popup/Popup';
import '../../components/popup/popup.css';

const model = new PopupModel(send);
browser.runtime.onMessage.addListener((message) => {
  if (isLeadlineEvent(message) && message.leadline === 'changed') void model.load();
});
// The browser's language is read while the summary is on its way; a language set in the
// settings (which come with the summary) replaces it. Nothing is drawn before a catalogue is in.
void Promise.all([showLanguage(null), model.load()]).then(async () => {
  await showLanguage(model.summary.value?.settings.language);
  effect(() => void showLanguage(model.summary.value?.settings.language));
  render(<Popup model={model} />, document.getElementById('app')!);
});

import { render } from 'preact';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/client';
import { isLeadlineEvent } from '../../lib/messaging/events';
import { PipelineModel } from '../../lib/ui/pipeline-model';
import { PipelinePage } from '../../components/pipeline/PipelinePage';
import '../../components/shared/leadline.css';
import '../../components/pipeline/pipeline.css';

const model = new PipelineModel(send);
browser.runtime.onMessage.addListener((message) => {
  if (isLeadlineEvent(message) && message.leadline === 'changed') void model.load();
});
window.addEventListener('hashchange', () => void model.fromHash(location.hash));
void model.fromHash(location.hash);
render(<PipelinePage model={model} />, document.getElementById('app')!);

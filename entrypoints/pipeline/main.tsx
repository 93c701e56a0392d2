import { effect } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/client';
import { isLeadlineEvent } from '../../lib/messaging/events';
import { PipelineModel } from '../../lib/ui/pipeline-model';
import { SyncModel } from '../../lib/ui/sync-model';
import { download } from '../../lib/ui/download';
import { showLanguage } from '../../lib/ui/language';
import { openLeadlineDb, type Db } from '../../lib/db/schema';
import { exportBackup, parseBackup, restoreBackup, type Backup } from '../../lib/db/backup';
import { PipelinePage } from '../../components/pipeline/PipelinePage';
import { t } from '../../lib/i18n/i18n';
import '../../components/shared/leadline.css';
import '../../components/pipeline/pipeline.css';
import '../../components/pipeline/insights.css';

// Backup and restore move whole stores: this page opens the extension's database itself (it
// shares the background's origin), as one read snapshot or one all-or-nothing write.
let db: Promise<Db> | null = null;
const database = () => (db ??= openLeadlineDb());
const backupService = {
  exportBackup: async () => exportBackup(await database()),
  parse: parseBackup,
  restore: async (backup: unknown) => restoreBackup(await database(), backup as Backup),
};

const model = new PipelineModel(send, backupService, download);
// Team sync asks for its server's origin from the click that turns it on (a user gesture).
model.sync = new SyncModel(send, (origin) => browser.permissions.request({ origins: [origin] }));
// The sync user is the "My leads" filter's owner.
void model.sync.load().catch(() => {});
browser.runtime.onMessage.addListener((message) => {
  if (isLeadlineEvent(message) && message.leadline === 'changed') void model.load();
});
window.addEventListener('hashchange', () => void model.fromHash(location.hash));
// The language follows the settings whenever they load (first load, a save here, a change elsewhere).
void Promise.all([showLanguage(null), model.fromHash(location.hash)]).then(async () => {
  await showLanguage(model.settings.value?.language);
  effect(() => void showLanguage(model.settings.value?.language));
  effect(() => void (document.title = t('page_title')));
  render(<PipelinePage model={model} />, document.getElementById('app')!);
});

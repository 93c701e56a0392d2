import { useEffect } from 'preact/hooks';
import { formatDateTime, t, tn } from '../../lib/i18n/i18n';
import { problemOf, type SyncModel } from '../../lib/ui/sync-model';
import { ErrorText } from '../shared/ErrorText';

/** How often the open Settings view reads the sync status again. */
const STATUS_POLL_MS = 2000;

/** Settings → Team sync: the team's CouchDB server, turning sync on and off, and how it goes. */
export function SyncSettings({ model }: { model: SyncModel }) {
  useEffect(() => {
    void model.load().catch(() => {});
    const timer = setInterval(() => void model.load().catch(() => {}), STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [model]);

  const view = model.view.value;
  const on = view?.enabled === true;
  const status = view?.status;
  const problem = problemOf(view);
  const input = (field: 'url' | 'database' | 'username' | 'password') => (e: Event) => (model[field].value = (e.currentTarget as HTMLInputElement).value);
  const submit = (e: Event) => {
    e.preventDefault();
    // No await before turnOn: it asks for the server's origin within this click.
    void (on ? model.turnOff() : model.turnOn());
  };

  return (
    <form class="ll-settings ll-sync" aria-label={t('sync_title')} onSubmit={submit}>
      <h2>{t('sync_title')}</h2>
      <p class="ll-muted">{t('sync_intro')}</p>
      <div class="ll-grid">
        <label class="ll-field">
          <span>{t('sync_server')}</span>
          <input name="sync-url" type="url" value={model.url.value} disabled={on} placeholder={t('sync_server_example')} onInput={input('url')} />
        </label>
        <label class="ll-field">
          <span>{t('sync_database')}</span>
          <input name="sync-database" value={model.database.value} disabled={on} onInput={input('database')} />
        </label>
        <label class="ll-field">
          <span>{t('sync_username')}</span>
          <input name="sync-username" autoComplete="username" value={model.username.value} disabled={on} onInput={input('username')} />
        </label>
        {!on && (
          <label class="ll-field">
            <span>{t('sync_password')}</span>
            <input name="sync-password" type="password" autoComplete="current-password" value={model.password.value} onInput={input('password')} />
          </label>
        )}
      </div>
      <p class="ll-muted">{t('sync_stored_locally')}</p>
      <button type="submit" class="ll-primary ll-inline" name={on ? 'sync-off' : 'sync-on'} disabled={model.busy.value}>
        {on ? t('sync_turn_off') : t('sync_turn_on')}
      </button>
      {on && status?.error?.code === 'no-permission' && (
        <button type="button" name="sync-allow" disabled={model.busy.value} onClick={() => void model.allow()}>
          {t('sync_allow')}
        </button>
      )}
      {on && (
        <button type="button" name="sync-now" disabled={model.busy.value || status?.state === 'syncing'} onClick={() => void model.syncNow()}>
          {t('sync_now')}
        </button>
      )}
      <ErrorText error={model.error.value} />
      <div role="status" class="ll-sync-status" data-state={status?.state ?? 'off'}>
        <p>{on ? t('sync_state_on', { database: view?.target?.database ?? '' }) : t('sync_state_off')}</p>
        {on && status && (
          <>
            <p>{status.lastSyncAt ? t('sync_last', { time: formatDateTime(status.lastSyncAt) }) : t('sync_never')}</p>
            <p>{status.pending > 0 ? tn('sync_pending', status.pending) : t('sync_nothing_pending')}</p>
          </>
        )}
        {problem && <ErrorText error={problem} />}
      </div>
    </form>
  );
}

/** The Team sync section of Settings: the server form, turning sync on and off, and its status. */
import { signal } from '@preact/signals';
import { t, type MessageKey, type Text } from '../i18n/i18n';
import type { SyncView } from '../messaging/protocol';
import type { SyncProblemCode } from '../sync/errors';
import { checkTarget, type TargetProblem } from '../sync/target';
import { runBusy } from './run-busy';
import type { Send } from './send';

/** A sync problem in the user's language (lib/sync/errors.ts has the English originals). */
export const PROBLEM_KEYS: Record<SyncProblemCode, MessageKey> = {
  'wrong-password': 'sync_error_wrong_password',
  forbidden: 'sync_error_forbidden',
  'not-found': 'sync_error_not_found',
  unreachable: 'sync_error_unreachable',
  'no-permission': 'sync_error_no_permission',
  refused: 'sync_error_refused',
  server: 'sync_error_server',
  local: 'sync_error_local',
};

const TARGET_KEYS: Record<TargetProblem, MessageKey> = {
  'url-invalid': 'sync_check_url',
  'url-scheme': 'sync_check_scheme',
  'url-credentials': 'sync_check_credentials',
  'url-extra': 'sync_check_extra',
  'url-insecure': 'sync_check_insecure',
  database: 'sync_check_database',
  username: 'sync_check_username',
};

/** Asks the browser for one origin; must run inside the click (a user gesture). */
export type RequestOrigin = (originPattern: string) => Promise<boolean>;

export class SyncModel {
  readonly url = signal('');
  readonly database = signal('');
  readonly username = signal('');
  readonly password = signal('');
  readonly view = signal<SyncView | null>(null);
  readonly busy = signal(false);
  readonly error = signal<Text | null>(null);

  constructor(
    private readonly send: Send,
    private readonly requestOrigin: RequestOrigin,
  ) {}

  /** Reads the state from the background; the form follows the stored target the first time. */
  async load(): Promise<void> {
    const first = this.view.value === null;
    const view = await this.send('sync.get', {});
    this.view.value = view;
    if (first && view.target) {
      this.url.value = view.target.url;
      this.database.value = view.target.database;
      this.username.value = view.target.username;
    }
  }

  /**
   * Turns sync on. The origin is requested first, before anything else is awaited: Chrome grants
   * optional permissions only while the click's user gesture lasts.
   */
  async turnOn(): Promise<void> {
    const target = { url: this.url.value, database: this.database.value, username: this.username.value, password: this.password.value };
    const checked = checkTarget(target);
    if (!checked.ok) {
      const key = TARGET_KEYS[checked.code];
      this.error.value = () => t(key);
      return;
    }
    const asked = this.requestOrigin(checked.originPattern);
    await runBusy(this.busy, this.error, async () => {
      if (!(await asked)) {
        this.error.value = () => t('sync_error_declined');
        return;
      }
      this.view.value = await this.send('sync.enable', target);
      this.password.value = '';
    });
  }

  /**
   * Asks again for the server's origin (the browser lost or withdrew it), from the click, then
   * syncs. Sync stays on meanwhile; only the permission was missing.
   */
  async allow(): Promise<void> {
    const target = this.view.value?.target;
    if (!target) return;
    const checked = checkTarget(target);
    if (!checked.ok) return;
    const asked = this.requestOrigin(checked.originPattern);
    await runBusy(this.busy, this.error, async () => {
      if (!(await asked)) {
        this.error.value = () => t('sync_error_declined');
        return;
      }
      this.view.value = await this.send('sync.now', {});
    });
  }

  async turnOff(): Promise<void> {
    await runBusy(this.busy, this.error, async () => {
      this.view.value = await this.send('sync.disable', {});
    });
  }

  async syncNow(): Promise<void> {
    await runBusy(this.busy, this.error, async () => {
      this.view.value = await this.send('sync.now', {});
    });
  }
}

/** The status line's problem, if any, in the user's language. */
export function problemOf(view: SyncView | null): Text | null {
  const code = view?.status.error?.code;
  if (!code) return null;
  const key = PROBLEM_KEYS[code];
  return () => t(key);
}

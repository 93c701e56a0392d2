/**
 * A CouchDB-protocol server for sync tests: pouchdb-server (npm, Apache-2.0) in memory on
 * 127.0.0.1, started and stopped by the test.
 *
 * Flags (pouchdb-server 4.2.0 `lib/index.js`): `--in-memory` (memdown: nothing on disk),
 * `--host 127.0.0.1`, `--port`, `--config <file>` (otherwise it writes ./config.json in the working
 * directory) and `-n` (`--no-stdout-logs`: do not tail the log file to stdout). The log file itself
 * is a config setting (`log.file`, default ./log.txt), so the config sends it to /dev/null.
 * CORS is switched off (`httpd.enable_cors: false`) as a real CouchDB ships it: pouchdb-server
 * enables it for every origin by default, which would hide a missing host permission.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './harness';

export interface CouchServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  admin: { username: string; password: string };
  /** Creates a database readable and writable only by `members`. */
  createDatabase(name: string, members: string[]): Promise<void>;
  createUser(name: string, password: string): Promise<void>;
  /** An admin request; returns the parsed JSON body. */
  request(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts pouchdb-server in memory on a free loopback port with one admin. */
export async function startCouch(): Promise<CouchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'leadline-couch-'));
  const admin = { username: 'admin', password: 'admin-Hq3vJx9w' };
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({ httpd: { enable_cors: false }, log: { file: '/dev/null', level: 'warning' }, admins: { [admin.username]: admin.password } }),
  );
  const port = await freePort();
  const bin = join(ROOT, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '--config', join(dir, 'config.json'), '-n'],
    {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  const auth = `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}`;

  async function request(method: string, path: string, body?: unknown) {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, json: await response.json() };
  }

  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`pouchdb-server did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    admin,
    request,
    async createUser(name, password) {
      const r = await request('PUT', `/_users/org.couchdb.user:${encodeURIComponent(name)}`, { name, password, roles: [], type: 'user' });
      if (r.status >= 300) throw new Error(`user ${name}: ${JSON.stringify(r.json)}`);
    },
    async createDatabase(name, members) {
      const created = await request('PUT', `/${encodeURIComponent(name)}`);
      if (created.status >= 300) throw new Error(`database ${name}: ${JSON.stringify(created.json)}`);
      const security = await request('PUT', `/${encodeURIComponent(name)}/_security`, {
        admins: { names: [], roles: [] },
        members: { names: members, roles: [] },
      });
      if (security.status >= 300) throw new Error(`security ${name}: ${JSON.stringify(security.json)}`);
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

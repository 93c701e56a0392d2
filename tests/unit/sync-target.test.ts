import { checkTarget } from '../../lib/sync/target';
import { classify } from '../../lib/sync/errors';

describe('team server settings', () => {
  test('an https server gives the database URL and a port-less pattern for the one origin to ask for', () => {
    expect(checkTarget({ url: 'https://couch.example.com/', database: 'leadline-team', username: 'ana' })).toEqual({
      ok: true,
      dbUrl: 'https://couch.example.com/leadline-team',
      originPattern: 'https://couch.example.com/*',
    });
    // A CouchDB behind a path prefix (a reverse proxy), and a port.
    expect(checkTarget({ url: 'https://example.com:6984/couchdb', database: 'sales/emea', username: 'ana' })).toEqual({
      ok: true,
      dbUrl: 'https://example.com:6984/couchdb/sales%2Femea',
      originPattern: 'https://example.com/*',
    });
  });

  test('plain http only on this computer', () => {
    expect(checkTarget({ url: 'http://127.0.0.1:5984', database: 'leadline', username: 'admin' })).toMatchObject({
      ok: true,
      originPattern: 'http://127.0.0.1/*',
    });
    expect(checkTarget({ url: 'http://localhost:5984', database: 'leadline', username: 'admin' })).toMatchObject({
      ok: true,
      dbUrl: 'http://localhost:5984/leadline',
    });
    expect(checkTarget({ url: 'http://couch.example.com', database: 'leadline', username: 'ana' })).toEqual({
      ok: false,
      field: 'url',
      code: 'url-insecure',
      message: 'Use https:// — over http:// the password would cross the network unencrypted.',
    });
  });

  test('refuses what would leak or break: credentials in the address, odd schemes, bad names', () => {
    expect(checkTarget({ url: 'https://ana:secret@couch.example.com', database: 'leadline', username: 'ana' })).toMatchObject({
      ok: false,
      field: 'url',
      message: 'Put the user name and password in their own fields, not in the address.',
    });
    expect(checkTarget({ url: 'ftp://couch.example.com', database: 'leadline', username: 'ana' })).toMatchObject({
      ok: false,
      field: 'url',
      code: 'url-scheme',
    });
    expect(checkTarget({ url: 'couch.example.com', database: 'leadline', username: 'ana' })).toMatchObject({
      ok: false,
      field: 'url',
      message: 'Enter the server address, e.g. https://couch.example.com',
    });
    expect(checkTarget({ url: 'https://couch.example.com/?db=x', database: 'leadline', username: 'ana' })).toMatchObject({ ok: false, field: 'url' });
    expect(checkTarget({ url: 'https://couch.example.com', database: 'Leadline', username: 'ana' })).toMatchObject({ ok: false, field: 'database' });
    expect(checkTarget({ url: 'https://couch.example.com', database: '_users', username: 'ana' })).toMatchObject({ ok: false, field: 'database' });
    expect(checkTarget({ url: 'https://couch.example.com', database: 'leadline', username: ' ' })).toMatchObject({
      ok: false,
      field: 'username',
      code: 'username',
    });
  });
});

describe('errors a person understands', () => {
  test('by the status PouchDB carries from the server', () => {
    // The shape pouchdb-errors generateErrorFromResponse gives a CouchDB 401 body.
    expect(classify({ error: 'unauthorized', reason: 'Name or password is incorrect.', status: 401, name: 'unauthorized' })).toEqual({
      code: 'wrong-password',
      message: 'Wrong user name or password.',
      retrying: false,
    });
    expect(classify({ status: 403, name: 'forbidden' })).toMatchObject({ code: 'forbidden', retrying: false });
    // pouchdb-server's answer to a valid user who is not a member (express-pouchdb 4.2.0).
    expect(classify({ status: 401, reason: 'You are not authorized to access this db.' })).toEqual({
      code: 'forbidden',
      message: 'This user may not use that database — ask the server admin to add you as a member.',
      retrying: false,
    });
    expect(classify({ status: 404, name: 'not_found', reason: 'Database does not exist.' })).toEqual({
      code: 'not-found',
      message: 'Database not found on the server — check its name.',
      retrying: false,
    });
    expect(classify({ status: 503 })).toEqual({ code: 'server', message: 'The server had a problem — will retry.', retrying: true });
  });

  test('a request that never got an answer is "unreachable" and retried', () => {
    expect(classify(new TypeError('Failed to fetch'))).toEqual({ code: 'unreachable', message: 'Server unreachable — will retry.', retrying: true });
  });
});

// The CSV import as the pipeline page runs it, through the real dispatcher and handlers over
// fake-indexeddb. Files are synthetic (written 2026-11-27) in the layout of LinkedIn's
// Connections.csv (tests/fixtures/csv/linkedin-connections.csv).
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportModel } from '../../lib/ui/import-model';
import { textOf } from '../../lib/i18n/i18n';
import { speak } from './helpers/i18n';
import { DEFAULT_STAGES } from '../../lib/pipeline/constants';
import type { Send } from '../../lib/ui/send';
import { backgroundSend } from './helpers/send';

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const file = (name: string, text: string | Uint8Array) => {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return { name, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
};
/** `count` people with neither email nor LinkedIn URL: only their place in the file tells them apart. */
const anonymous = (count: number) => `${HEADER}\n${Array.from({ length: count }, (_, i) => `Person,${i},,,Acme,Rep,01 Nov 2026`).join('\n')}\n`;
const names = async (db: Awaited<ReturnType<typeof backgroundSend>>['db']) => (await db.getAll('leads')).map((l) => l.name).sort();

beforeAll(() => speak('en'));

describe('CSV import model', () => {
  it('imports, then imports the same file again without a reload: the second run adds nothing', async () => {
    const { send, db } = await backgroundSend();
    const model = new ImportModel(send);
    const text = `${HEADER}\nAda,Lovelace,https://www.linkedin.com/in/ada-lovelace,ada@engines.io,Engines,,01 Nov 2026\nKim,Lee,,,Acme Robotics,VP Sales,03 Nov 2026\n`;
    await model.open(file('Connections.csv', text));
    expect(model.file.value).toMatchObject({ name: 'Connections.csv', encoding: 'utf-8', detection: { by: 'valid-utf-8' } });
    expect(model.preview().map((r) => r.cells.slice(0, 2))).toEqual([
      ['Ada', 'Lovelace'],
      ['Kim', 'Lee'],
    ]);
    await model.run(DEFAULT_STAGES);
    expect(model.result.value).toEqual({ created: 2, merged: 0, errors: [] });
    expect(model.progress.value).toEqual({ done: 2, total: 2 });

    await model.open(file('Connections.csv', text));
    expect(model.result.value).toBeNull();
    expect(model.progress.value).toBeNull();
    await model.run(DEFAULT_STAGES);
    expect(model.result.value).toEqual({ created: 0, merged: 2, errors: [] });
    expect(await names(db)).toEqual(['Ada Lovelace', 'Kim Lee']);
  });

  it('finishes an interrupted run without doubling rows that have no email or URL', async () => {
    const background = await backgroundSend();
    let calls = 0;
    // The page is closed (or the background stops) after the first batch is stored.
    const flaky = (async (type, payload) => {
      if (type === 'leads.import' && ++calls === 2) throw new Error("Leadline's background is not reachable");
      return background.send(type, payload);
    }) as Send;
    const batch = 5;
    const rows = batch * 2 + 2;
    const model = new ImportModel(flaky, batch);
    await model.open(file('people.csv', anonymous(rows)));
    await model.run(DEFAULT_STAGES);
    expect(textOf(model.error.value)).toBe(
      "Import stopped: Leadline's background is not reachable. Rows before that point were imported. Import the same file again to finish: rows already imported are not added twice.",
    );
    expect(model.result.value).toEqual({ created: batch, merged: 0, errors: [] });
    expect(model.progress.value).toEqual({ done: batch, total: rows });
    expect(model.running.value).toBe(false);
    expect(await background.db.count('leads')).toBe(batch);

    // A new page (a new model) and the same file.
    const again = new ImportModel(background.send, batch);
    await again.open(file('people.csv', anonymous(rows)));
    await again.run(DEFAULT_STAGES);
    expect(again.result.value).toEqual({ created: rows - batch, merged: batch, errors: [] });
    expect(again.progress.value).toEqual({ done: rows, total: rows });
    expect(await background.db.count('leads')).toBe(rows);
    // Each line of the file is its own lead: identical rows are not taken for one another.
    expect(new Set((await background.db.getAll('leads')).map((l) => l.name)).size).toBe(rows);
  });

  it('imports another file with the same rows as new people: the file is what identifies a row', async () => {
    const { send, db } = await backgroundSend();
    const model = new ImportModel(send);
    await model.open(file('a.csv', anonymous(2)));
    await model.run(DEFAULT_STAGES);
    await model.open(file('b.csv', `${anonymous(2)}\n`));
    await model.run(DEFAULT_STAGES);
    expect(model.result.value).toEqual({ created: 2, merged: 0, errors: [] });
    expect(await db.count('leads')).toBe(4);
  });

  it('creates a lead again for a row whose lead was deleted since', async () => {
    const { send, db, repo } = await backgroundSend();
    const model = new ImportModel(send);
    await model.open(file('a.csv', anonymous(1)));
    await model.run(DEFAULT_STAGES);
    const [lead] = await db.getAll('leads');
    await repo.trash.delete([lead!.id]);
    await model.run(DEFAULT_STAGES);
    expect(model.result.value).toEqual({ created: 1, merged: 0, errors: [] });
    expect(await db.count('leads')).toBe(1);
  });

  it('lists lines it cannot read and rows it refuses with the rows the background refuses, by line', async () => {
    const { send, db } = await backgroundSend();
    const model = new ImportModel(send);
    const text = [
      HEADER,
      'Ada,Lovelace,,ada@engines.io,Engines,,01 Nov 2026',
      `Bob,Stone,,bob@stone.io,Stone,${'x'.repeat(501)},02 Nov 2026`,
      'Cy,Young,,ada@engines.io,Cy Inc,,03 Nov 2026',
      '"Dee,Dee,,,Dee Ltd,,04 Nov 2026',
      'Eve,Ng,,,Eve Co,,05 Nov 2026',
    ].join('\n');
    await model.open(file('mixed.csv', text));
    await model.run(DEFAULT_STAGES);
    expect(model.result.value!.errors.map((e) => e.line)).toEqual([3, 5, 6]);
    expect(model.result.value).toMatchObject({ created: 1, merged: 1 });
    expect(textOf(model.result.value!.errors[0]!.reason)).toMatch(/^Headline \/ job title is 501 characters long/);
    expect(textOf(model.result.value!.errors[1]!.reason)).toBe(
      'A quote (") opens a field here that never closes: this row and the line after it (line 6) could not be read. Close the quote in the file and import again.',
    );
    expect(textOf(model.result.value!.errors[2]!.reason)).toBe('Not read: this line is inside the unclosed quote of line 5.');
    expect(await names(db)).toEqual(['Ada Lovelace']);
  });

  it('asks for the encoding of a file that is not UTF-8 and imports nothing until it is chosen', async () => {
    const { send, db, calls } = await backgroundSend();
    const model = new ImportModel(send);
    // "Antonín Dvořák" in Windows-1250: í is 0xED, ř 0xF8, á 0xE1 (one byte each; UTF-8 takes two).
    const ascii = (text: string) => [...new TextEncoder().encode(text)];
    const cp1250 = new Uint8Array([...ascii('Name,Company\nAnton'), 0xed, ...ascii('n Dvo'), 0xf8, 0xe1, ...ascii('k,Acme\n')]);
    await model.open(file('legacy.csv', cp1250));
    expect(model.file.value).toMatchObject({ encoding: null, csv: null, detection: { by: 'not-utf-8' } });
    expect(textOf(model.error.value)).toMatch(/^This file is not UTF-8/);
    await model.run(DEFAULT_STAGES);
    expect(calls).toEqual([]);

    model.chooseEncoding('windows-1250');
    expect(model.error.value).toBeNull();
    expect(model.preview().map((r) => r.cells[0])).toEqual(['Antonín Dvořák']);
    model.chooseEncoding('utf-8');
    expect(textOf(model.error.value)).toBe('3 characters cannot be read in this encoding (shown as �): choose another encoding and check the preview.');
    model.chooseEncoding('windows-1250');
    await model.run(DEFAULT_STAGES);
    expect(await names(db)).toEqual(['Antonín Dvořák']);
  });

  it('says what is wrong with a file without a header and with no name column mapped', async () => {
    const { send, calls } = await backgroundSend();
    const model = new ImportModel(send);
    await model.open(file('numbers.csv', '1,2\n3,4\n'));
    expect(model.file.value?.csv).toBeNull();
    expect(textOf(model.error.value)).toMatch(/^No header row found/);
    await model.open(file('c.csv', 'Email,Company\na@x.io,Acme\n'));
    await model.run(DEFAULT_STAGES);
    expect(textOf(model.error.value)).toBe('Map a column to a name (full name, or first and last name) first.');
    model.setTarget(1, 'name');
    expect(model.mapping.value).toEqual(['email', 'name']);
    await model.run(DEFAULT_STAGES);
    expect(model.result.value).toEqual({ created: 1, merged: 0, errors: [] });
    expect(calls).toEqual(['leads.import']);
  });
});

// CSV files that go wrong: broken quotes, other encodings, values past a field's limit, formulas.
// The rows here are synthetic (written 2026-11-27), in the column layout of LinkedIn's
// Connections.csv (tests/fixtures/csv/linkedin-connections.csv) and of a HubSpot contact export.
import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { mapRow, parseCsv, rowsToCsv } from '../../lib/import/csv';
import { escapeCell, unescapeCell } from '../../lib/import/cells';
import { decodeBytes, detectEncoding, ENCODINGS, type Encoding } from '../../lib/import/encoding';
import { DEFAULT_STAGES } from '../../lib/pipeline/constants';
import type { ExportRow } from '../../lib/messaging/protocol';
import { textOf } from '../../lib/i18n/i18n';
import { problemText } from '../../lib/i18n/problems';
import { csvWording } from '../../lib/ui/csv-wording';
import { speak } from './helpers/i18n';

beforeAll(() => speak('en'));

const HEADER = 'First Name,Last Name,Email Address,Company,Position';
/** What the import's result table says about each line not read, as the page words it. */
const reasons = (text: string) => parseCsv(text).problems.map((p) => `${p.line}: ${textOf(problemText(p))}`);
const lines = (text: string) => parseCsv(text).rows.map((r) => r.line);

/** Bytes of `text` in a legacy single-byte encoding, by inverting the platform's own decoder. */
function encodeLegacy(text: string, encoding: Encoding): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(new Uint8Array([b])), b);
  return new Uint8Array([...text].map((ch) => byChar.get(ch)!));
}

describe('CSV rows that cannot be read are reported line by line', () => {
  it('reports an unterminated quote on line 3 of 10 and each of lines 4 to 10 it swallowed', () => {
    const rows = ['Ada,Lovelace,ada@x.io,Engines,Countess', '"Bob,Stone,bob@x.io,Stone,CTO'];
    for (let i = 4; i <= 10; i++) rows.push(`P${i},Q,p${i}@x.io,Acme,Rep`);
    const text = `${HEADER}\n${rows.join('\n')}\n`;
    expect(lines(text)).toEqual([2]);
    expect(reasons(text)).toEqual([
      '3: A quote (") opens a field here that never closes: this row and lines 4–10 after it could not be read. Close the quote in the file and import again.',
      ...[4, 5, 6, 7, 8, 9, 10].map((l) => `${l}: Not read: this line is inside the unclosed quote of line 3.`),
    ]);
  });

  it('words the last line and a single swallowed line in the singular', () => {
    expect(reasons(`${HEADER}\nA,B,a@x.io,C,D\n"E,F,e@x.io,G,H`)).toEqual([
      '3: A quote (") opens a field here that never closes: this row could not be read. Close the quote in the file and import again.',
    ]);
    expect(reasons(`${HEADER}\n"E,F,e@x.io,G,H\nI,J,i@x.io,K,L\n`)).toEqual([
      '2: A quote (") opens a field here that never closes: this row and the line after it (line 3) could not be read. Close the quote in the file and import again.',
      '3: Not read: this line is inside the unclosed quote of line 2.',
    ]);
  });

  it('refuses a row with a quote inside a field, and reads the rows after it', () => {
    const text = `${HEADER}\nAda,"Love"lace",ada@x.io,Engines,Countess\nGrace,Hopper,grace@x.io,Navy,Admiral\n`;
    expect(reasons(text)).toEqual([
      '2: A quote (") stands inside a field instead of around it: this row could not be read safely. Fix the quotes in the file and import again.',
    ]);
    expect(parseCsv(text).rows).toEqual([{ line: 3, cells: ['Grace', 'Hopper', 'grace@x.io', 'Navy', 'Admiral'] }]);
  });

  it('keeps a quoted multi-line value as one row, counting its lines, with no problem', () => {
    const text = `Name,Notes\nAda,"first\nsecond\nthird"\nBob,x\n`;
    expect(parseCsv(text)).toMatchObject({ rows: [{ line: 2 }, { line: 5 }], problems: [] });
  });
});

describe('CSV encodings', () => {
  const csv = 'Name,Company\nAntonín Dvořák,Šťastná s.r.o.\nŁucja Żółć,Gdańsk\n';
  const utf8 = new TextEncoder().encode(csv);
  const utf16 = (bigEndian: boolean) => {
    const bytes = new Uint8Array(2 + csv.length * 2);
    bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
    for (let i = 0; i < csv.length; i++) {
      const unit = csv.charCodeAt(i);
      bytes.set(bigEndian ? [unit >> 8, unit & 0xff] : [unit & 0xff, unit >> 8], 2 + i * 2);
    }
    return bytes;
  };
  const names = (bytes: Uint8Array, encoding: Encoding) => parseCsv(decodeBytes(bytes, encoding).text).rows.map((r) => r.cells.join(' | '));
  const right = ['Antonín Dvořák | Šťastná s.r.o.', 'Łucja Żółć | Gdańsk'];

  it('reads UTF-8 with or without a byte order mark, and UTF-16 of either byte order by its mark', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(detectEncoding(utf8)).toEqual({ encoding: 'utf-8', by: 'valid-utf-8' });
    expect(detectEncoding(withBom)).toEqual({ encoding: 'utf-8', by: 'bom' });
    expect(detectEncoding(utf16(false))).toEqual({ encoding: 'utf-16le', by: 'bom' });
    expect(detectEncoding(utf16(true))).toEqual({ encoding: 'utf-16be', by: 'bom' });
    for (const [bytes, enc] of [
      [utf8, 'utf-8'],
      [withBom, 'utf-8'],
      [utf16(false), 'utf-16le'],
      [utf16(true), 'utf-16be'],
    ] as const) {
      expect(names(bytes, enc)).toEqual(right);
      expect(decodeBytes(bytes, enc).unreadable).toBe(0);
    }
  });

  it('does not guess a Windows-1250 file: the user chooses, and a wrong choice shows in the preview', () => {
    const cp1250 = encodeLegacy(csv, 'windows-1250');
    expect(detectEncoding(cp1250)).toEqual({ encoding: null, by: 'not-utf-8' });
    expect(names(cp1250, 'windows-1250')).toEqual(right);
    // ISO-8859-2 shares most letters with Windows-1250, not Š and ť: the preview shows the difference.
    expect(names(cp1250, 'iso-8859-2')).toEqual(['Antonín Dvořák | \u008a\u009dastná s.r.o.', 'Łucja Żółć | Gdańsk']);
    expect(decodeBytes(cp1250, 'utf-8').unreadable).toBeGreaterThan(0);
  });

  it('reads ISO-8859-2 and Windows-1252 when chosen', () => {
    expect(names(encodeLegacy('Name,Company\nŁucja Żółć,X\n', 'iso-8859-2'), 'iso-8859-2')).toEqual(['Łucja Żółć | X']);
    expect(names(encodeLegacy('Name,Company\nFrançois Müller,X\n', 'windows-1252'), 'windows-1252')).toEqual(['François Müller | X']);
  });

  it('does not call UTF-16 without a mark UTF-8 (its NUL bytes give it away)', () => {
    expect(detectEncoding(utf16(false).slice(2))).toEqual({ encoding: null, by: 'nul-bytes' });
  });

  it('offers exactly the encodings the user can pick', () => {
    expect(ENCODINGS).toEqual(['utf-8', 'utf-16le', 'utf-16be', 'windows-1250', 'windows-1252', 'iso-8859-2']);
  });
});

describe('CSV values past a field’s limit are reported, never cut', () => {
  const map = (header: string, row: string) => {
    const csv = parseCsv(`${header}\n${row}\n`);
    return mapRow(csv.rows[0]!.cells, 2, csv.mapping, DEFAULT_STAGES);
  };
  const reason = (header: string, row: string) => {
    const out = map(header, row);
    return out.ok ? 'imported' : textOf(problemText(out));
  };

  it('reports a headline, a company and notes over their limits with their lengths', () => {
    expect(reason('Name,Job Title', `Ada,${'h'.repeat(612)}`)).toBe(
      'Headline / job title is 612 characters long; the limit is 500. Shorten it in the file and import again.',
    );
    expect(reason('Name,Company', `Ada,${'c'.repeat(201)}`)).toBe('Company is 201 characters long; the limit is 200. Shorten it in the file and import again.');
    expect(reason('Name,Notes', `Ada,${'n'.repeat(20_001)}`)).toBe(
      'Notes is 20,001 characters long; the limit is 20,000. Shorten it in the file and import again.',
    );
    expect(reason('Name,City', `Ada,${'l'.repeat(201)}`)).toBe('Location is 201 characters long; the limit is 200. Shorten it in the file and import again.');
    expect(reason('First Name,Last Name,Email', `${'a'.repeat(150)},${'b'.repeat(60)},`)).toBe(
      'First name is 211 characters long; the limit is 200. Shorten it in the file and import again.',
    );
  });

  it('keeps values at their limit whole', () => {
    const out = map('Name,Job Title,Notes,Tags', `Ada,${'h'.repeat(500)},${'n'.repeat(20_000)},${'t'.repeat(60)}`);
    expect(out).toMatchObject({ ok: true, row: { headline: 'h'.repeat(500), notes: 'n'.repeat(20_000), tags: ['t'.repeat(60)] } });
  });

  it('reports a tag over 60 characters, too many tags and too many emails', () => {
    expect(reason('Name,Tags', `Ada,"ok, ${'t'.repeat(61)}"`)).toBe('Tags is 61 characters long; the limit is 60. Shorten it in the file and import again.');
    expect(reason('Name,Tags', `Ada,"${Array.from({ length: 51 }, (_, i) => `t${i}`).join(', ')}"`)).toBe('51 values for Tags; the limit is 50.');
    expect(reason('Name,Email', `Ada,"${Array.from({ length: 21 }, (_, i) => `a${i}@x.io`).join(' ')}"`)).toBe('21 values for Email(s); the limit is 20.');
  });

  it('reports a name or company of invisible characters only', () => {
    expect(reason('Name,Company', '\u200b\u200d\ufeff,Acme')).toBe(
      'Full name shows only invisible characters (such as zero-width spaces): type it in the file, or leave it empty.',
    );
    expect(reason('Name,Company', 'Ada,\u200b\u00ad\u200e')).toBe(
      'Company shows only invisible characters (such as zero-width spaces): type it in the file, or leave it empty.',
    );
  });
});

describe('CSV formula escaping', () => {
  const row = (over: Partial<ExportRow>): ExportRow => ({
    id: '1',
    name: 'Ada',
    company: null,
    stage: 'qualified',
    temperature: null,
    source: 'import',
    tags: [],
    dealValue: null,
    currency: 'USD',
    nextFollowUpOn: null,
    lastTouchAt: null,
    updatedAt: '2026-11-22T10:00:00.000Z',
    emails: [],
    linkedinUrl: null,
    stale: false,
    headline: null,
    location: null,
    notes: '',
    qualification: { budget: 'unknown', authority: 'unknown', need: 'unknown', timeframe: 'none' },
    temperatureOverride: null,
    expectedCloseOn: null,
    lost: null,
    later: null,
    ...over,
  });

  it('escapes a cell by its first character, a multi-line one too, where papaparse’s pattern would not', () => {
    expect(escapeCell('=1+1\n=HYPERLINK("http://x")')).toBe('\'=1+1\n=HYPERLINK("http://x")');
    expect(Papa.unparse([['=1\nx']], { escapeFormulae: true })).toBe('"=1\nx"');
    expect(['=a', '+a', '-a', '@a', '\ta', '\ra', '\0a', "'a", 'a=', ' =a', ''].map(escapeCell)).toEqual([
      "'=a",
      "'+a",
      "'-a",
      "'@a",
      "'\ta",
      "'\ra",
      "'\0a",
      "''a",
      'a=',
      ' =a',
      '',
    ]);
  });

  it('gives back exactly what was escaped', () => {
    for (const value of ['-Ana', '=SUM(A1)', '+44 20 7946 0958', '@home', "'quoted", "''", "'", 'plain', "O'Brien", '\tx', '=1\n=2'])
      expect(unescapeCell(escapeCell(value))).toBe(value);
    // An apostrophe another tool wrote before ordinary text stays.
    expect(unescapeCell("'abc")).toBe("'abc");
  });

  it('exports with a UTF-8 byte order mark, and "-Ana" and a multi-line formula come back as they were', () => {
    const text = rowsToCsv([row({ name: '-Ana', company: '=1+1\n=cmd', tags: ['@vip'] })], csvWording(DEFAULT_STAGES));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [, cells] = Papa.parse<string[]>(text.slice(1)).data;
    // Name and company: the first and the third column.
    expect([cells![0], cells![2]]).toEqual(["'-Ana", "'=1+1\n=cmd"]);
    const back = parseCsv(text);
    expect([back.rows[0]!.cells[0], back.rows[0]!.cells[2]]).toEqual(['-Ana', '=1+1\n=cmd']);
    const mapped = mapRow(back.rows[0]!.cells, back.rows[0]!.line, back.mapping, DEFAULT_STAGES);
    expect(mapped).toMatchObject({ ok: true, row: { name: '-Ana', company: '=1+1\n=cmd', tags: ['@vip'] } });
  });
});

import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { EXPORT_COLUMNS, mapRow, parseCsv, rowsToCsv } from '../../lib/import/csv';
import { DEFAULT_STAGES } from '../../lib/pipeline/constants';
import type { LeadRow } from '../../lib/messaging/protocol';

describe('CSV import mapping', () => {
  it('finds LinkedIn Connections.csv’s header below its Notes preamble and maps its columns', () => {
    const text = [
      'Notes:',
      '"When exporting your connection data, you may notice that some of the email addresses are missing."',
      '',
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Analytical Engines,Founder,01 Nov 2026',
      'Grace,Hopper,linkedin.com/in/ghopper,grace@navy.mil,"Navy, Labs",Admiral,02 Nov 2026',
    ].join('\n');
    const csv = parseCsv(text);
    expect(csv.mapping).toEqual(['firstName', 'lastName', 'linkedinUrl', 'email', 'company', 'headline', 'ignore']);
    expect(csv.rows.map((r) => r.line)).toEqual([5, 6]);
    const [ada, grace] = csv.rows.map((r) => mapRow(r.cells, r.line, csv.mapping, DEFAULT_STAGES));
    expect(ada).toMatchObject({
      ok: true,
      row: { name: 'Ada Lovelace', linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace/', emails: [], company: 'Analytical Engines', headline: 'Founder' },
    });
    expect(grace).toMatchObject({ ok: true, row: { linkedinUrl: 'https://www.linkedin.com/in/ghopper/', emails: ['grace@navy.mil'], company: 'Navy, Labs' } });
  });

  it('maps HubSpot and Pipedrive exports by default', () => {
    expect(parseCsv('First Name,Last Name,Email,Company Name,Job Title,Lead Status,Record ID\n').mapping).toEqual([
      'firstName',
      'lastName',
      'email',
      'company',
      'headline',
      'stage',
      'ignore',
    ]);
    expect(parseCsv('Person - Name,Person - Email,Organization - Name,Deal - Value,Person - Labels\n').mapping).toEqual([
      'name',
      'email',
      'company',
      'dealValue',
      'tags',
    ]);
  });

  it('gives the line and the reason of a bad row, counting line breaks inside quoted fields', () => {
    const text =
      'Name,Email,Deal value,LinkedIn URL,Notes\nAda,ada@x.io,"1,200.50",,"two\nlines"\n,nobody@x.io,,,\nBob,bob@,,,\nCy,,12abc$,,\nDee,,,https://example.com/in/dee,\nEve,,€ 300,,\nFay,,"2.500,75 EUR",,\n';
    const csv = parseCsv(text);
    const out = csv.rows.map((r) => mapRow(r.cells, r.line, csv.mapping, DEFAULT_STAGES));
    expect(out.map((o) => (o.ok ? `${o.row.line} ok` : `${o.line} ${o.reason}`))).toEqual([
      '2 ok',
      '4 no name',
      '5 "bob@" is not an email address',
      '6 "12abc$" is not a deal value',
      '7 "https://example.com/in/dee" is not a LinkedIn profile URL',
      '8 ok',
      '9 ok',
    ]);
    expect(out[0]).toMatchObject({ row: { dealValue: 1200.5, notes: 'two\nlines' } });
    expect(out[5]).toMatchObject({ row: { dealValue: 300 } });
    expect(out[6]).toMatchObject({ row: { dealValue: 2500.75 } });
  });

  it('matches stage names to stage ids and ignores unknown ones', () => {
    const csv = parseCsv('Name,Stage\nA,Qualified\nB,Open deal\n');
    const out = csv.rows.map((r) => mapRow(r.cells, r.line, csv.mapping, DEFAULT_STAGES));
    expect(out.map((o) => o.ok && o.row.stage)).toEqual(['qualified', null]);
  });

  it('refuses a file without a recognisable header', () => {
    expect(() => parseCsv('foo,bar\n1,2\n')).toThrow(/No header row/);
  });
});

describe('CSV export', () => {
  it('writes the rows with a header and defuses spreadsheet formulas in scraped text', () => {
    const row: LeadRow = {
      id: '1',
      name: '=HYPERLINK("http://x","click")',
      company: 'Acme, Inc',
      stage: 'qualified',
      temperature: 'hot',
      source: 'linkedin',
      tags: ['a', 'b'],
      dealValue: 100,
      currency: 'USD',
      nextFollowUpOn: '2026-11-30',
      lastTouchAt: null,
      updatedAt: '2026-11-22T10:00:00.000Z',
      emails: ['a@x.io'],
      linkedinUrl: null,
      lost: null,
      later: null,
      stale: false,
    };
    const text = rowsToCsv([row], {
      header: (column) => column,
      stage: (id) => id.toUpperCase(),
      temperature: (temperature) => `T:${temperature}`,
      source: (source) => `S:${source}`,
    });
    const [header, first] = Papa.parse<string[]>(text).data;
    expect(header).toEqual([...EXPORT_COLUMNS]);
    expect(first).toEqual([
      `'=HYPERLINK("http://x","click")`,
      'Acme, Inc',
      'a@x.io',
      '',
      'QUALIFIED',
      'T:hot',
      '100',
      'USD',
      '2026-11-30',
      '',
      'a; b',
      'S:linkedin',
    ]);
  });
});

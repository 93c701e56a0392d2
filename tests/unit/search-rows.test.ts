import { describe, expect, it } from 'vitest';
import { KEY_CHARS, ROW_KEYS, rowMatches, searchRowsOf, wordRange } from '../../lib/pipeline/search-rows';
import { searchKeysOf } from '../../lib/pipeline/search';
import { freshRepo } from './helpers/db';

const ADA = searchKeysOf({ name: 'Ada Lovelace', company: 'Analytical Engines', emails: ['ada@engines.io'] });

describe('quick search rows', () => {
  it('makes one row per search key, each sorting under its own key and carrying every key', () => {
    const rows = searchRowsOf(ADA);
    expect(rows).toHaveLength(ADA.length);
    expect(rows.map((r) => r.split('\u0000')[0])).toEqual(ADA);
    const [lower, upper] = wordRange('love');
    expect(rows.filter((r) => r >= lower && r <= upper).map((r) => r.split('\u0000')[0])).toEqual(['lovelace']);
  });

  it('tells from a row alone whether every word starts one of the lead\u2019s keys', () => {
    const [row] = searchRowsOf(ADA);
    expect(rowMatches(row!, ['ada', 'eng'])).toBe(true);
    expect(rowMatches(row!, ['ada@eng'])).toBe(true);
    expect(rowMatches(row!, ['lovelace', 'analytical', 'engines'])).toBe(true);
    expect(rowMatches(row!, ['ada', 'babbage'])).toBe(false);
    // A word must start a key, not sit inside one.
    expect(rowMatches(row!, ['velace'])).toBe(false);
  });

  it('marks a row cut for length, which then cannot rule a lead out', () => {
    const long = 'x'.repeat(KEY_CHARS + 10);
    const [row] = searchRowsOf(['ann', long]);
    expect(rowMatches(row!, ['ann', 'x'])).toBe(true);
    expect(rowMatches(row!, ['ann', long])).toBeNull();
    expect(rowMatches(row!, ['ann', 'y'])).toBeNull();
    const many = Array.from({ length: ROW_KEYS + 3 }, (_, i) => `k${i}`);
    expect(rowMatches(searchRowsOf(many)[0]!, [`k${ROW_KEYS + 2}`])).toBeNull();
    expect(rowMatches(searchRowsOf(many.slice(0, ROW_KEYS))[0]!, ['zz'])).toBe(false);
  });

  it('finds a lead whose matching key was cut from its rows, checking the lead itself', async () => {
    const { repo } = await freshRepo();
    const company = `Company ${'w'.repeat(KEY_CHARS)}verylongtail`;
    const { lead } = await repo.leads.capture({ name: 'Zed Long', company, source: 'manual' });
    await repo.leads.capture({ name: 'Zed Short', company: 'Small', source: 'manual' });
    expect((await repo.search(`zed ${'w'.repeat(KEY_CHARS)}verylong`)).map((l) => l.id)).toEqual([lead.id]);
    expect((await repo.search('zed')).map((l) => l.name).sort()).toEqual(['Zed Long', 'Zed Short']);
  });

  it('treats a word that begins another as no extra condition, and stops at the limit', async () => {
    const { repo } = await freshRepo();
    for (let i = 0; i < 12; i++) await repo.leads.capture({ name: `Anna Nowak ${i}`, source: 'manual' });
    await repo.leads.capture({ name: 'Ann Other', source: 'manual' });
    expect((await repo.search('ann anna', 20)).map((l) => l.name)).toHaveLength(12);
    expect(await repo.search('anna', 5)).toHaveLength(5);
    expect((await repo.search('nowak 1', 20)).map((l) => l.name).sort()).toEqual(['Anna Nowak 1', 'Anna Nowak 10', 'Anna Nowak 11']);
  });
});

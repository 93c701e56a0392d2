/**
 * The message catalogues: every language has every message, every plural the CLDR forms its
 * language needs (as Intl.PluralRules names them), the same parameters, nothing the browser's own
 * i18n would choke on, and nothing left in English by oversight. Every message is used.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../lib/settings/languages';
import { localeOf, PLURAL_CATEGORIES, type Catalog } from '../../lib/i18n/i18n';
import { ERROR_CODES, ISSUE_CODES } from '../../lib/messaging/errors';
import { catalogOf } from './helpers/i18n';

const ROOT = join(__dirname, '..', '..');
const CATEGORY = new RegExp(`^(.+)_(${PLURAL_CATEGORIES.join('|')})$`);

/** A catalogue split into plain messages and plural bases (base → category → message). */
function shape(catalog: Catalog) {
  const plain = new Map<string, string>();
  const plurals = new Map<string, Map<string, string>>();
  const isPluralBase = (base: string) => Object.hasOwn(catalog, `${base}_other`);
  for (const [key, { message }] of Object.entries(catalog)) {
    const m = CATEGORY.exec(key);
    if (m && isPluralBase(m[1]!)) {
      if (!plurals.has(m[1]!)) plurals.set(m[1]!, new Map());
      plurals.get(m[1]!)!.set(m[2]!, message);
    } else plain.set(key, message);
  }
  return { plain, plurals };
}

const params = (message: string) => new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
const sorted = (set: Iterable<string>) => [...set].sort();

const english = catalogOf('en');
const en = shape(english);

/**
 * Messages a language rightly keeps as in English: brands, the shortcut, codes and examples
 * of addresses (the rest must be translated).
 */
const SAME_AS_ENGLISH: Record<Exclude<Language, 'en'>, string[]> = {
  cs: [
    'ext_name',
    'compose_is_lead', // "lead" is the word Czech sales teams use
    'bant_unknown',
    'source_linkedin',
    'source_gmail',
    'source_import',
    'dup_has_linkedin',
    'field_linkedin_url_example',
    'error_invalid_field',
    'card_label',
    'import_summary',
    'import_file_rows',
    'board_column',
    'view_data',
    'export_title',
    'table_col_follow_up',
    'insights_period_range', // only placeholders and symbols
    'insights_tag_option', // only placeholders and symbols
    'insights_scope', // only placeholders and symbols
    'insights_formula_words', // only placeholders and symbols
    'insights_formula_values', // only placeholders and symbols
    'insights_reason_count', // only placeholders and symbols
    'insights_term_of_stage', // only placeholders and symbols
  ],
  pl: [
    'compose_is_lead', // "lead" is the word Polish sales teams use
    'ext_name',
    'bant_unknown',
    'source_linkedin',
    'source_gmail',
    'source_import',
    'dup_has_linkedin',
    'field_linkedin_url_example',
    'error_invalid_field',
    'card_label',
    'import_summary',
    'import_file_rows',
    'board_column',
    'table_col_follow_up',
    'timeline_link',
    'table_tag',
    'planner_plan',
    'insights_period_range', // only placeholders and symbols
    'insights_tag_option', // only placeholders and symbols
    'insights_scope', // only placeholders and symbols
    'insights_formula_words', // only placeholders and symbols
    'insights_formula_values', // only placeholders and symbols
    'insights_reason_count', // only placeholders and symbols
    'insights_term_of_stage', // only placeholders and symbols
  ],
  vi: [
    'ext_name',
    'bant_unknown',
    'source_linkedin',
    'source_gmail',
    'channel_email',
    'csv_col_email',
    'dup_has_linkedin',
    'field_linkedin_url_example',
    'error_invalid_field',
    'import_summary',
    'import_file_rows',
    'board_column',
    'insights_period_range', // only placeholders and symbols
    'insights_tag_option', // only placeholders and symbols
    'insights_scope', // only placeholders and symbols
    'insights_formula_words', // only placeholders and symbols
    'insights_formula_values', // only placeholders and symbols
    'insights_reason_count', // only placeholders and symbols
    'insights_term_of_stage', // only placeholders and symbols
  ],
  zh_CN: [
    'ext_name',
    'bant_unknown',
    'source_gmail',
    'field_linkedin_url_example',
    'gmail_own_addresses_example',
    'settings_own_emails_example',
    'insights_period_range',
    'insights_scope',
    'insights_formula_words',
    'insights_formula_values',
  ],
};

describe('message catalogues', () => {
  it('ship exactly the languages the settings offer, each a _locales folder', () => {
    const folders = readdirSync(join(ROOT, 'public', '_locales')).filter((f) => statSync(join(ROOT, 'public', '_locales', f)).isDirectory());
    expect(folders.sort()).toEqual([...LANGUAGES].sort());
  });

  it('name keys the way the browser accepts (lower-case ASCII, digits, underscores), messages without "$"', () => {
    for (const lang of LANGUAGES) {
      for (const [key, entry] of Object.entries(catalogOf(lang))) {
        expect(key, lang).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(
          Object.keys(entry).filter((k) => k !== 'message' && k !== 'description'),
          `${lang} ${key}`,
        ).toEqual([]);
        expect(entry.message.trim(), `${lang} ${key}`).not.toBe('');
        // `$` starts a placeholder in the browser's own i18n: a stray one breaks loading the extension.
        expect(entry.message, `${lang} ${key}`).not.toContain('$');
      }
    }
  });

  it('give no plain message a name ending in a plural category (it would read as a plural form)', () => {
    for (const key of en.plain.keys()) expect(CATEGORY.test(key), key).toBe(false);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has every message English has, and no other', (lang) => {
    const { plain, plurals } = shape(catalogOf(lang));
    expect(sorted(plain.keys())).toEqual(sorted(en.plain.keys()));
    expect(sorted(plurals.keys())).toEqual(sorted(en.plurals.keys()));
  });

  it.each(LANGUAGES)('%s gives every plural exactly the CLDR categories its language has', (lang) => {
    const needed = sorted(new Intl.PluralRules(localeOf(lang)).resolvedOptions().pluralCategories);
    for (const [base, forms] of shape(catalogOf(lang)).plurals) expect(sorted(forms.keys()), `${lang} ${base}`).toEqual(needed);
  });

  it('Czech and Polish have all four forms, Vietnamese and Chinese one (as CLDR says)', () => {
    expect(new Intl.PluralRules('cs').resolvedOptions().pluralCategories.sort()).toEqual(['few', 'many', 'one', 'other']);
    expect(new Intl.PluralRules('pl').resolvedOptions().pluralCategories.sort()).toEqual(['few', 'many', 'one', 'other']);
    expect(new Intl.PluralRules('vi').resolvedOptions().pluralCategories).toEqual(['other']);
    expect(new Intl.PluralRules('zh-CN').resolvedOptions().pluralCategories).toEqual(['other']);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s uses the same parameters as English', (lang) => {
    const { plain, plurals } = shape(catalogOf(lang));
    for (const [key, message] of plain) expect(sorted(params(message)), `${lang} ${key}`).toEqual(sorted(params(en.plain.get(key)!)));
    for (const [base, forms] of plurals) {
      const allowed = new Set([...en.plurals.get(base)!.values()].flatMap((m) => [...params(m)]));
      const other = forms.get('other')!;
      // A form may leave the count out ("jeden lead"); none may invent a parameter, and the
      // general form says everything English says.
      for (const [category, message] of forms) for (const p of params(message)) expect(allowed.has(p), `${lang} ${base}_${category} {${p}}`).toBe(true);
      expect(sorted(params(other)), `${lang} ${base}_other`).toEqual(sorted(params(en.plurals.get(base)!.get('other')!)));
    }
  });

  it.each(LANGUAGES.filter((l) => l !== 'en') as Exclude<Language, 'en'>[])('%s leaves nothing in English but the few that should be', (lang) => {
    const { plain } = shape(catalogOf(lang));
    const same = [...plain].filter(([key, message]) => message === en.plain.get(key)).map(([key]) => key);
    expect(sorted(same)).toEqual(sorted(SAME_AS_ENGLISH[lang]));
  });

  it('has a message for every error and field-issue code the background sends', () => {
    for (const code of ERROR_CODES) expect(english, code).toHaveProperty(`error_${code}`);
    for (const code of ISSUE_CODES) expect(english, code).toHaveProperty(`issue_${code}`);
  });

  it('uses every message it has (the manifest, a t()/tn() call, or a code)', () => {
    const sources: string[] = [readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8')];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const path = join(dir, f);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(f)) sources.push(readFileSync(path, 'utf8'));
      }
    };
    for (const dir of ['components', 'lib', 'entrypoints']) walk(join(ROOT, dir));
    const code = sources.join('\n');
    const byCode = new Set([...ERROR_CODES.map((c) => `error_${c}`), ...ISSUE_CODES.map((c) => `issue_${c}`)]);
    const unused = [...en.plain.keys(), ...en.plurals.keys()].filter(
      (key) => !byCode.has(key) && !code.includes(`'${key}'`) && !code.includes(`__MSG_${key}__`),
    );
    expect(unused).toEqual([]);
  });
});

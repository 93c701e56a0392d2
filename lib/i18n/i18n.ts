/**
 * The UI language: message catalogues, CLDR plurals and `Intl` formats. Every user-visible string
 * comes from `public/_locales/<lang>/messages.json` (the browser's own i18n format, which also
 * localises the manifest). The catalogue is read by us rather than through `i18n.getMessage`, so
 * the user's language setting switches every page and sidebar without a reload; the browser's
 * UI language is the default. Plurals are keys with a CLDR category suffix (`leads_one`,
 * `leads_few`, `leads_many`, `leads_other`), chosen with `Intl.PluralRules`.
 *
 * Key conventions (README, "Languages"): lower-case snake_case, `<area>_<what>`; a plural message
 * is a base key plus `_zero`…`_other` (no other key may end in a plural category); parameters are
 * `{name}`, numbers among them formatted for the language.
 *
 * Everything here reads signals, so a component that renders a message re-renders when the
 * language changes.
 */
import { computed, signal } from '@preact/signals';
import type en from '../../public/_locales/en/messages.json';
import { LANGUAGES, type Language } from '../settings/languages';

export type MessageKey = keyof typeof en;
/** A plural message's base key: `leads` for `leads_one` … `leads_other`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;
export type Params = Record<string, string | number>;
export type Catalog = Record<string, { message: string }>;

/** The CLDR plural categories, in the order the catalogues list them. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/** The language shown now, and its catalogue (English fills any gap). */
export const language = signal<Language>('en');
const catalog = signal<Catalog>({});
const fallback = signal<Catalog>({});
const loaded = new Map<Language, Catalog>();
let fetcher: ((path: string) => Promise<unknown>) | null = null;
let requested: Language | null = null;

/** The BCP 47 tag of a catalogue language, for `Intl`. */
export function localeOf(lang: Language): string {
  return lang.replace('_', '-');
}

/** The catalogue language closest to a browser language tag (`cs-CZ` → `cs`, `zh-Hans-CN` → `zh_CN`). */
export function languageFor(tag: string | null | undefined): Language {
  const lower = (tag ?? '').toLowerCase().replace('_', '-');
  if (lower.startsWith('zh')) return 'zh_CN';
  const base = lower.split('-')[0];
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : 'en';
}

async function catalogOf(lang: Language): Promise<Catalog> {
  const known = loaded.get(lang);
  if (known) return known;
  if (!fetcher) throw new Error('no catalogue reader: call useLanguage first');
  const fetched = (await fetcher(`/_locales/${lang}/messages.json`)) as Catalog;
  loaded.set(lang, fetched);
  return fetched;
}

/**
 * Shows the UI in `lang`: reads its catalogue and the English one (the fallback) once each;
 * `fetchJson` reads `_locales/<lang>/messages.json` from the extension.
 */
export async function useLanguage(lang: Language, fetchJson: (path: string) => Promise<unknown>): Promise<void> {
  fetcher = fetchJson;
  requested = lang;
  const [english, chosen] = await Promise.all([catalogOf('en'), catalogOf(lang)]);
  // A later call asked for another language meanwhile: that one wins, whichever file came first.
  if (requested !== lang) return;
  fallback.value = english;
  catalog.value = chosen;
  language.value = lang;
}

/** Every language's catalogue that can be read (for recognising our own CSV headers, whatever language wrote them). */
export async function allCatalogs(): Promise<Partial<Record<Language, Catalog>>> {
  const entries = await Promise.all(LANGUAGES.map(async (lang) => [lang, await catalogOf(lang).catch(() => null)] as const));
  return Object.fromEntries(entries.filter(([, c]) => c !== null));
}

/** Sets catalogues directly (unit tests, and pages that bundle one). */
export function setCatalogs(lang: Language, chosen: Catalog, english: Catalog = chosen): void {
  requested = lang;
  loaded.set(lang, chosen);
  loaded.set('en', english);
  fallback.value = english;
  catalog.value = chosen;
  language.value = lang;
}

function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** Whether the catalogues have `key` (for keys built from codes: an unknown code falls back to its text). */
export function hasMessage(key: string): key is MessageKey {
  return key in catalog.value || key in fallback.value;
}

/** The message for `key` in the current language, with `{name}` parameters filled in. */
export function t(key: MessageKey, params?: Params): string {
  const entry = catalog.value[key] ?? fallback.value[key];
  return entry ? fill(entry.message, params) : key;
}

const pluralRules = computed(() => new Intl.PluralRules(localeOf(language.value)));

/** A count's message in the CLDR plural form of the current language (`{count}` is filled in). */
export function tn(key: PluralKey, count: number, params?: Params): string {
  const category = pluralRules.value.select(count);
  const entry = catalog.value[`${key}_${category}`] ?? catalog.value[`${key}_other`] ?? fallback.value[`${key}_${category}`] ?? fallback.value[`${key}_other`];
  return entry ? fill(entry.message, { count, ...params }) : `${key}:${count}`;
}

/**
 * Text a model holds for a component to show: a string shown as it is (a name, a message from
 * elsewhere), or a function rendering it in the language of the moment, so text already on screen
 * follows a language switch.
 */
export type Text = string | (() => string);

/** The text to show now. */
export function textOf(text: Text | null | undefined): string {
  if (text === null || text === undefined) return '';
  return typeof text === 'function' ? text() : text;
}

const locale = computed(() => localeOf(language.value));
const numberFormat = computed(() => new Intl.NumberFormat(locale.value));
const percentFormat = computed(() => new Intl.NumberFormat(locale.value, { style: 'percent', maximumFractionDigits: 0 }));
const dateTimeFormat = computed(() => new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }));
const dateFormat = computed(() => new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium' }));
const relativeFormat = computed(() => new Intl.RelativeTimeFormat(locale.value, { numeric: 'auto' }));
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** A number in the current language (grouping, decimal sign). */
export function formatNumber(n: number): string {
  return numberFormat.value.format(n);
}

/** Money in the given ISO currency, without cents for whole amounts. */
export function formatMoney(amount: number, currency: string): string {
  const whole = Number.isInteger(amount);
  const key = `${locale.value} ${currency} ${whole}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale.value, { style: 'currency', currency, maximumFractionDigits: whole ? 0 : 2 });
    moneyFormats.set(key, format);
  }
  return format.format(amount);
}

/** A ratio (0.25) as a whole percentage in the current language ("25 %" in Czech). */
export function formatPercent(ratio: number): string {
  return percentFormat.value.format(ratio);
}

/** An instant (ISO) as date and time. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.value.format(new Date(iso));
}

/** An instant (ISO) as a date. */
export function formatDate(iso: string): string {
  return dateFormat.value.format(new Date(iso));
}

/** A calendar day the user picked (`YYYY-MM-DD`, local) as a date. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return dateFormat.value.format(new Date(y!, m! - 1, d!));
}

/** "in 3 days", "yesterday"… for a day relative to today. */
export function formatDaysFrom(days: number): string {
  return relativeFormat.value.format(days, 'day');
}

/** A language's own name for itself ("Čeština", "简体中文"), for the language picker. */
export function languageName(lang: Language): string {
  // zh_CN is Simplified Chinese: named by script rather than country, as Chinese UIs do.
  const tag = lang === 'zh_CN' ? 'zh-Hans' : localeOf(lang);
  const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

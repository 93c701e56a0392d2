/**
 * The UI language: message catalogues, CLDR plurals and `Intl` formats. Every user-visible string
 * comes from `public/_locales/<lang>/messages.json` (the browser's own i18n format, which also
 * localises the manifest). The catalogue is read by us rather than through `i18n.getMessage`, so
 * the user's language setting switches every page and sidebar without a reload; the browser's
 * UI language is the default. Plurals are keys with a CLDR category suffix (`leads_one`,
 * `leads_few`, `leads_many`, `leads_other`), chosen with `Intl.PluralRules`.
 */
import { computed, signal } from '@preact/signals';
import en from '../../public/_locales/en/messages.json';
import { LANGUAGES, type Language } from '../settings/languages';

export type MessageKey = keyof typeof en;
/** A plural message's base key: `leads` for `leads_one` … `leads_other`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;
export type Params = Record<string, string | number>;
type Catalog = Record<string, { message: string }>;

/**
 * The language shown now, and its catalogue (English fills any gap). English is bundled, so text
 * is right from the first render (and in tests) before any other catalogue has loaded.
 */
export const language = signal<Language>('en');
const catalog = signal<Catalog>(en);
const fallback = signal<Catalog>(en);

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

/** Loads a catalogue; `fetchJson` reads `_locales/<lang>/messages.json` from the extension. */
export async function useLanguage(lang: Language, fetchJson: (path: string) => Promise<unknown>): Promise<void> {
  const [english, chosen] = await Promise.all([
    Object.keys(fallback.value).length ? fallback.value : (fetchJson('/_locales/en/messages.json') as Promise<Catalog>),
    lang === 'en' ? null : (fetchJson(`/_locales/${lang}/messages.json`) as Promise<Catalog>),
  ]);
  fallback.value = english;
  catalog.value = chosen ?? english;
  language.value = lang;
}

/** Sets catalogues directly (unit tests, and pages that bundle one). */
export function setCatalogs(lang: Language, chosen: Catalog, english: Catalog = chosen): void {
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

const numberFormat = computed(() => new Intl.NumberFormat(localeOf(language.value)));

export function formatNumber(n: number): string {
  return numberFormat.value.format(n);
}

/** Money in the given ISO currency, without cents for whole amounts. */
export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat(localeOf(language.value), { style: 'currency', currency, maximumFractionDigits: Number.isInteger(amount) ? 0 : 2 }).format(
    amount,
  );
}

export function formatPercent(ratio: number): string {
  return new Intl.NumberFormat(localeOf(language.value), { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** An instant (ISO) as date and time. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(localeOf(language.value), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** An instant (ISO) as a date. */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(localeOf(language.value), { dateStyle: 'medium' }).format(new Date(iso));
}

/** A calendar day the user picked (`YYYY-MM-DD`, local) as a date. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(localeOf(language.value), { dateStyle: 'medium' }).format(new Date(y!, m! - 1, d!));
}

/** "in 3 days", "yesterday"… for a day relative to today. */
export function formatDaysFrom(days: number): string {
  return new Intl.RelativeTimeFormat(localeOf(language.value), { numeric: 'auto' }).format(days, 'day');
}

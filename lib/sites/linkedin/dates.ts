/**
 * Resolves the relative dates LinkedIn messaging shows ("Dzisiaj", "środa", "14 maj", "3月19日",
 * "2025年12月14日", "viernes", "18:19") against the moment the page was read, in the page's language.
 *
 * The words are not hand-written tables: they come from the runtime's CLDR data through `Intl`
 * (relative-day names, weekday names, day-month formats, AM/PM markers), which is where LinkedIn's
 * own strings match them on the saved pages (pl "Dzisiaj"/"środa"/"14 maj"/"24 cze", zh "3月19日"/
 * "2025年12月14日", es "viernes"; see tests/fixtures/linkedin-more/README.md). A form that no
 * candidate language reads, or that two languages read differently, gives null: never a guess.
 * Times are local wall-clock times: the page is rendered in the reader's time zone, and so is
 * `readAt` in the browser that reads it.
 */

/** Languages tried when the page's language is not known. */
export const DATE_LANGUAGES = ['en', 'pl', 'cs', 'vi', 'zh', 'es'] as const;

function norm(text: string): string {
  return text
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
}

function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

function addDays(d: Date, days: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function fmt(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, options);
    formatters.set(key, f);
  }
  return f;
}

function relativeDay(lang: string, offset: number): string {
  return norm(new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(offset, 'day'));
}

const DAY_MONTH_FORMATS: Intl.DateTimeFormatOptions[] = [
  { day: 'numeric', month: 'short' },
  { day: 'numeric', month: 'long' },
  { day: 'numeric', month: 'numeric' },
];

/** The calendar day one language reads in a day heading, or null. */
function dayIn(lang: string, text: string, readAt: Date): Date | null {
  const t = norm(text);
  const today = startOfDay(readAt);
  if (t === relativeDay(lang, 0)) return today;
  if (t === relativeDay(lang, -1)) return addDays(today, -1);

  for (const weekday of ['long', 'short'] as const) {
    for (let back = 1; back <= 6; back++) {
      const day = addDays(today, -back);
      if (norm(fmt(lang, { weekday }).format(day)) === t) return day;
    }
    // Today's own weekday name is "today" or a week ago: ambiguous, so unresolved.
    if (norm(fmt(lang, { weekday }).format(today)) === t) return null;
  }

  const yearText = /(?<!\d)(\d{4})(?!\d)/.exec(t)?.[1];
  const year = yearText ? Number(yearText) : today.getFullYear();
  // Any one- or two-digit number may be the day ("3月19日" has the month first).
  for (const [dayNumber] of t.matchAll(/(?<!\d)\d{1,2}(?!\d)/g)) {
    for (let month = 0; month < 12; month++) {
      const candidate = new Date(year, month, Number(dayNumber));
      if (candidate.getMonth() !== month) continue;
      for (const options of DAY_MONTH_FORMATS) {
        const withYear = yearText ? { ...options, year: 'numeric' as const } : options;
        if (norm(fmt(lang, withYear).format(candidate)) === t) {
          // A day heading without a year is in the reading year; one that would lie ahead was misread.
          return candidate.getTime() > today.getTime() ? null : candidate;
        }
      }
    }
  }
  return null;
}

function agreed<T>(values: (T | null)[], key: (v: T) => string | number): T | null {
  const found = values.filter((v): v is T => v !== null);
  if (found.length === 0) return null;
  const first = found[0]!;
  return found.every((v) => key(v) === key(first)) ? first : null;
}

function languagesFor(lang: string | null | undefined): readonly string[] {
  if (!lang) return DATE_LANGUAGES;
  const base = lang.replace('_', '-');
  try {
    return [Intl.getCanonicalLocales(base)[0]!];
  } catch {
    return DATE_LANGUAGES;
  }
}

/** The local calendar day a messaging day heading names, read at `readAt`; null when unsure. */
export function resolveDay(text: string | null, readAt: Date, lang?: string | null): Date | null {
  if (!text || Number.isNaN(readAt.getTime())) return null;
  return agreed(
    languagesFor(lang).map((l) => dayIn(l, text, readAt)),
    (d) => d.getTime(),
  );
}

function dayPeriods(lang: string): { am: string; pm: string } {
  const period = (hour: number) =>
    norm(
      fmt(lang, { hour: 'numeric', minute: '2-digit', hour12: true })
        .formatToParts(new Date(2020, 0, 1, hour, 5))
        .find((p) => p.type === 'dayPeriod')?.value ?? '',
    );
  return { am: period(9), pm: period(21) };
}

function minutesIn(lang: string, text: string): number | null {
  const t = norm(text);
  const match = /(?<!\d)(\d{1,2})[:.](\d{2})(?!\d)/.exec(t);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (minute > 59) return null;
  const marker = norm(t.replace(match[0], ''));
  if (marker === '') return hour <= 23 ? hour * 60 + minute : null;
  const { am, pm } = dayPeriods(lang);
  if (hour < 1 || hour > 12) return null;
  if (marker === am) return (hour % 12) * 60 + minute;
  if (marker === pm) return ((hour % 12) + 12) * 60 + minute;
  return null;
}

/** Minutes after midnight a messaging time stamp ("18:19", "6:19 PM", "下午6:19") names; null when unsure. */
export function resolveTime(text: string | null, lang?: string | null): number | null {
  if (!text) return null;
  return agreed(
    languagesFor(lang).map((l) => minutesIn(l, text)),
    (m) => m,
  );
}

/** The local instant of a message from its day heading and time stamp; null unless both resolve. */
export function resolveMessageTime(dayText: string | null, timeText: string | null, readAt: Date, lang?: string | null): Date | null {
  const day = resolveDay(dayText, readAt, lang);
  const minutes = resolveTime(timeText, lang);
  if (day === null || minutes === null) return null;
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(minutes / 60), minutes % 60);
}

/** `YYYY-MM-DD` of a local calendar day. */
export function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * A CSV row mapped to lead fields, or the reason it cannot be imported: what each column can be
 * imported as, and the checks every value passes before anything is sent to the background. Pure.
 */
import { canonicalProfileUrl } from '../sites/linkedin/url';
import { LATER, LEAD_SOURCES, LOST, TEMPERATURES, TIMEFRAMES } from '../pipeline/constants';
import type { BantAnswer, LeadSource, StageDef, Temperature, Timeframe } from '../pipeline/model';
import { fold } from '../pipeline/search';
import { LIST_LIMITS, TEXT_LIMITS, textProblem, type LimitedField } from '../domain/text';
import type { ImportRow } from '../messaging/protocol';

/** What a CSV column can be imported as. */
export const TARGETS = [
  'ignore',
  'name',
  'firstName',
  'lastName',
  'email',
  'company',
  'headline',
  'location',
  'linkedinUrl',
  'dealValue',
  'stage',
  'tags',
  'notes',
  'stageBefore',
  'lostReason',
  'reengageOn',
  'temperatureOverride',
  'budget',
  'authority',
  'need',
  'timeframe',
  'currency',
  'expectedClose',
  'nextFollowUp',
  'source',
] as const;
export type Target = (typeof TARGETS)[number];

/**
 * A row mapped to lead fields: the protocol's import row, every field a file can hold given (its
 * place in the file is added by the run; LinkedIn's member ids and company pages come from pages).
 */
export type MappedRow = Required<Omit<ImportRow, 'importKey' | 'linkedinMemberId' | 'salesNavUrl' | 'companyLinkedinUrl'>>;

/** A row mapped, or refused: `reason` in English, `code` and `params` for the page's language (`target`: a column's target). */
export type RowOutcome =
  { ok: true; row: MappedRow } | { ok: false; line: number; reason: string; code: RowErrorCode; params: Record<string, string | number> };
export type RowErrorCode =
  | 'row_no_name'
  | 'row_invisible'
  | 'row_too_long'
  | 'row_too_many_values'
  | 'row_bad_email'
  | 'row_bad_url'
  | 'row_bad_value'
  | 'row_bad_choice'
  | 'row_bad_day'
  | 'row_bad_currency'
  | 'row_lost_no_reason'
  | 'row_later_no_day';

/**
 * The names values of a kind go by besides their ids, by id: the default stages', BANT answers',
 * timeframes', temperatures' and sources' words in every UI language (the page passes them).
 */
export interface ValueNames {
  stage?: Record<string, string[]>;
  answer?: Partial<Record<BantAnswer, string[]>>;
  timeframe?: Partial<Record<Timeframe, string[]>>;
  temperature?: Partial<Record<Temperature, string[]>>;
  source?: Partial<Record<LeadSource, string[]>>;
}

/** The id a value names (by the id itself or one of its names), or undefined when it names none. */
function choose<T extends string>(value: string, ids: readonly T[], names: Partial<Record<T, string[]>> = {}): T | undefined {
  const key = fold(value);
  return ids.find((id) => id === key || (names[id] ?? []).some((n) => n && fold(n) === key));
}

const BANT_ANSWERS = ['yes', 'no', 'unknown'] as const satisfies readonly BantAnswer[];

/** A calendar day as the export writes it (YYYY-MM-DD), and a real one. */
function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

type Fail = (code: RowErrorCode, reason: string, params?: Record<string, string | number>) => RowOutcome;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The refusal of a text value that cannot be stored as it is (too long, nothing visible); null when it can. */
function textFailure(fail: Fail, target: Target, field: LimitedField, value: string): RowOutcome | null {
  const problem = textProblem(field, value);
  if (!problem) return null;
  if (problem.kind === 'invisible')
    return fail('row_invisible', `${target} shows only invisible characters (such as zero-width spaces): type it in the file, or leave it empty.`, { target });
  return tooLong(fail, target, problem.length, problem.max);
}

const tooLong = (fail: Fail, target: Target, length: number, max: number) =>
  fail('row_too_long', `${target} is ${length} characters long; the limit is ${max}. Shorten it in the file and import again.`, { target, length, max });
const tooMany = (fail: Fail, target: Target, count: number, max: number) =>
  fail('row_too_many_values', `${count} values for ${target}; the limit is ${max}.`, { target, count, max });

/**
 * Maps one data row to lead fields, or says why it cannot be imported. A value is never cut short.
 * A stage is recognised by its id, its own name, or `names.stage` (a default stage's name in every
 * UI language); BANT answers, timeframes, temperatures and sources by their ids or `names`. A row
 * whose stage is Lost needs its lost reason, one whose stage is Later its re-engage day.
 */
export function mapRow(cells: string[], line: number, mapping: Target[], stages: StageDef[], names: ValueNames = {}): RowOutcome {
  const pick = (target: Target) =>
    mapping
      .flatMap((t, i) => (t === target ? [(cells[i] ?? '').trim()] : []))
      .filter(Boolean)
      .join(' ');
  const fail: Fail = (code, reason, params = {}) => ({ ok: false, line, reason, code, params });
  const nameTarget: Target = pick('name') ? 'name' : 'firstName';
  const name = pick('name') || [pick('firstName'), pick('lastName')].filter(Boolean).join(' ');
  if (!name) return fail('row_no_name', 'no name');
  const texts = {
    headline: pick('headline'),
    company: pick('company'),
    location: pick('location'),
    notes: pick('notes'),
    lostReason: pick('lostReason'),
  };
  const refused =
    textFailure(fail, nameTarget, 'name', name) ??
    textFailure(fail, 'headline', 'headline', texts.headline) ??
    textFailure(fail, 'company', 'company', texts.company) ??
    textFailure(fail, 'location', 'location', texts.location) ??
    textFailure(fail, 'lostReason', 'lostReason', texts.lostReason);
  if (refused) return refused;
  if (texts.notes.length > TEXT_LIMITS.notes) return tooLong(fail, 'notes', texts.notes.length, TEXT_LIMITS.notes);
  const emails = [
    ...new Set(
      pick('email')
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map((e) => e.toLowerCase()),
    ),
  ];
  const badEmail = emails.find((e) => !EMAIL.test(e));
  if (badEmail) return fail('row_bad_email', `"${badEmail}" is not an email address`, { value: badEmail });
  if (emails.length > LIST_LIMITS.emails) return tooMany(fail, 'email', emails.length, LIST_LIMITS.emails);
  const rawUrl = pick('linkedinUrl');
  const linkedinUrl = rawUrl ? canonicalProfileUrl(/^https?:\/\//i.test(rawUrl) ? rawUrl : `https://${rawUrl}`) : null;
  if (rawUrl && !linkedinUrl) return fail('row_bad_url', `"${rawUrl}" is not a LinkedIn profile URL`, { value: rawUrl });
  const rawValue = pick('dealValue');
  let dealValue: number | null = null;
  if (rawValue) {
    // A number with thousands separators, optionally with a currency symbol or code around it.
    const m = /^(?:[A-Z]{3}|[$€£¥])?\s*(\d[\d.,\s]*)\s*(?:[A-Z]{3}|[$€£¥])?$/i.exec(rawValue);
    const digits =
      m?.[1]!
        .replace(/\s/g, '')
        .replace(/[.,](?=\d{3}(?:[.,]|$))/g, '')
        .replace(',', '.') ?? '';
    dealValue = Number(digits);
    if (!m || !Number.isFinite(dealValue)) return fail('row_bad_value', `"${rawValue}" is not a deal value`, { value: rawValue });
  }
  const rawCurrency = pick('currency');
  if (rawCurrency && !/^[A-Za-z]{3}$/.test(rawCurrency))
    return fail('row_bad_currency', `"${rawCurrency}" is not a currency code (three letters, such as EUR)`, { value: rawCurrency });
  const days = { expectedCloseOn: pick('expectedClose'), nextFollowUpOn: pick('nextFollowUp'), reengageOn: pick('reengageOn') };
  const dayTargets = { expectedCloseOn: 'expectedClose', nextFollowUpOn: 'nextFollowUp', reengageOn: 'reengageOn' } as const;
  for (const [field, value] of Object.entries(days) as [keyof typeof days, string][])
    if (value && !isDay(value))
      return fail('row_bad_day', `${dayTargets[field]}: "${value}" is not a day written as YYYY-MM-DD`, { target: dayTargets[field], value });
  // Each enumerated column: its id, or undefined for a value that names none (refused below).
  const chosen = <T extends string>(target: Target, ids: readonly T[], known: Partial<Record<T, string[]>> | undefined, empty: T | null) => {
    const value = pick(target);
    return { target, value, id: value ? choose(value, ids, known) : (empty ?? null) };
  };
  const answers = {
    budget: chosen('budget', BANT_ANSWERS, names.answer, 'unknown'),
    authority: chosen('authority', BANT_ANSWERS, names.answer, 'unknown'),
    need: chosen('need', BANT_ANSWERS, names.answer, 'unknown'),
    timeframe: chosen('timeframe', TIMEFRAMES, names.timeframe, 'none'),
  };
  const override = chosen('temperatureOverride', TEMPERATURES, names.temperature, null);
  const source = chosen('source', LEAD_SOURCES, names.source, 'import');
  for (const c of [...Object.values(answers), override, source])
    if (c.id === undefined) return fail('row_bad_choice', `${c.target}: "${c.value}" is not one of its values`, { target: c.target, value: c.value });
  const stageOf = (raw: string): string | null => {
    const key = fold(raw);
    if (!key) return null;
    const ids = [...stages.map((s) => s.id), LOST, LATER];
    const named = (id: string) => [stages.find((s) => s.id === id)?.name ?? '', ...(names.stage?.[id] ?? [])].some((n) => n && fold(n) === key);
    return ids.find((id) => id === key || named(id)) ?? null;
  };
  const stage = stageOf(pick('stage'));
  const before = stageOf(pick('stageBefore'));
  if (stage === LOST && !texts.lostReason)
    return fail('row_lost_no_reason', 'The stage is Lost but the row gives no lost reason: add the reason, or import the row without its stage.');
  if (stage === LATER && !days.reengageOn)
    return fail('row_later_no_day', 'The stage is Later but the row gives no re-engage day: add the day, or import the row without its stage.');
  const tags = [
    ...new Set(
      pick('tags')
        .split(/[,;]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  const longTag = tags.find((tag) => tag.length > TEXT_LIMITS.tag);
  if (longTag) return tooLong(fail, 'tags', longTag.length, TEXT_LIMITS.tag);
  if (tags.length > LIST_LIMITS.tags) return tooMany(fail, 'tags', tags.length, LIST_LIMITS.tags);
  const orNull = (v: string) => (v ? v : null);
  return {
    ok: true,
    row: {
      line,
      name,
      headline: orNull(texts.headline),
      company: orNull(texts.company),
      location: orNull(texts.location),
      linkedinUrl,
      emails,
      dealValue,
      currency: rawCurrency ? rawCurrency.toUpperCase() : null,
      stage,
      // Where a lost or parked lead left the funnel; a funnel stage only.
      stageBefore: before === LOST || before === LATER ? null : before,
      lostReason: stage === LOST ? texts.lostReason : null,
      reengageOn: stage === LATER ? days.reengageOn : null,
      qualification: {
        budget: answers.budget.id!,
        authority: answers.authority.id!,
        need: answers.need.id!,
        timeframe: answers.timeframe.id!,
      },
      temperatureOverride: override.id ?? null,
      expectedCloseOn: orNull(days.expectedCloseOn),
      nextFollowUpOn: orNull(days.nextFollowUpOn),
      tags,
      notes: texts.notes,
      source: source.id!,
    },
  };
}

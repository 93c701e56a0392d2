/**
 * User settings: declared once, versioned, parsed with zod on every read, and upgraded through an
 * append-only cascade like the database's: `UPGRADES[n]` takes a version-n record to version n+1,
 * so a record of any older version reaches the current one. A record that cannot be read is
 * reported and kept, never silently replaced by the defaults.
 */
import { z } from 'zod';
import { DEFAULT_STAGES, email, stageDef, temperatureThresholds } from '../pipeline/model';
import { DEFAULT_STAGE_IDS, ENGLISH_STAGE_NAMES, LATER, LOST } from '../pipeline/constants';
import { LANGUAGES } from './languages';

export { temperatureThresholds, type TemperatureThresholds } from '../pipeline/model';

export const SETTINGS_VERSION = 3;

export const settings = z
  .object({
    version: z.literal(SETTINGS_VERSION),
    stages: z.array(stageDef).min(2).max(20),
    thresholds: temperatureThresholds,
    ownEmails: z.array(email),
    autoLog: z.boolean(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    /** The UI language; null follows the browser's. */
    language: z.enum(LANGUAGES).nullable(),
  })
  .refine((s) => new Set(s.stages.map((st) => st.id)).size === s.stages.length, { message: 'stage ids must be unique', params: { code: 'stage_ids_unique' } })
  .refine((s) => s.stages.every((st) => st.id !== LOST && st.id !== LATER), {
    message: '"lost" and "later" are reserved stage ids',
    params: { code: 'stage_id_reserved' },
  })
  .refine((s) => s.stages.every((st) => st.name !== null || DEFAULT_STAGE_IDS.includes(st.id)), {
    message: 'a stage of your own needs a name',
    params: { code: 'stage_name_needed' },
  });
export type Settings = z.infer<typeof settings>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  stages: DEFAULT_STAGES,
  thresholds: { hotReplyDays: 7, warmEngagedDays: 30, ghostingAttempts: 3, salesCycleDays: 30 },
  ownEmails: [],
  autoLog: true,
  currency: 'USD',
  language: null,
};

type Raw = Record<string, unknown>;

/** Version n → n + 1. Append only: a shipped step never changes. */
const UPGRADES: Record<number, (old: Raw) => Raw> = {
  // v2 (2026-11): the UI language setting; existing users follow the browser, as before.
  1: (old) => ({ ...old, version: 2, language: null }),
  // v3 (2026-11): default stages are named from their ids in the UI's language until renamed;
  // a default stage still carrying its English default name becomes unnamed (null).
  2: (old) => ({
    ...old,
    version: 3,
    stages: Array.isArray(old.stages)
      ? old.stages.map((s: Raw) => (typeof s === 'object' && s && ENGLISH_STAGE_NAMES[s.id as string] === s.name ? { ...s, name: null } : s))
      : old.stages,
  }),
};

export type SettingsReading = { ok: true; settings: Settings; upgradedFrom: number | null } | { ok: false; error: string; defaults: Settings };

/** Reads a stored settings record (`undefined`: never saved), upgrading an older version. */
export function readStoredSettings(stored: unknown): SettingsReading {
  if (stored === undefined || stored === null) return { ok: true, settings: structuredClone(DEFAULT_SETTINGS), upgradedFrom: null };
  const fail = (error: string): SettingsReading => ({ ok: false, error, defaults: structuredClone(DEFAULT_SETTINGS) });
  if (typeof stored !== 'object') return fail('the settings record is not an object');
  const { key: _key, ...record } = stored as Raw;
  const from = record.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) return fail('the settings record has no version');
  if (from > SETTINGS_VERSION) return fail(`the settings were saved by a newer Leadline (version ${from}; this one reads up to ${SETTINGS_VERSION})`);
  let next: Raw = record;
  for (let v = from; v < SETTINGS_VERSION; v++) next = UPGRADES[v]!(next);
  const parsed = settings.safeParse(next);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(`${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
  }
  return { ok: true, settings: parsed.data, upgradedFrom: from === SETTINGS_VERSION ? null : from };
}

/** The settings to work with: the stored ones, or the defaults while an unreadable record waits for the user. */
export function readSettings(stored: unknown): Settings {
  const reading = readStoredSettings(stored);
  return reading.ok ? reading.settings : reading.defaults;
}

/** User settings: declared once, versioned, parsed with zod on every read. */
import { z } from 'zod';
import { DEFAULT_STAGES, email, stageDef } from '../pipeline/model';

export const SETTINGS_VERSION = 1;

export const temperatureThresholds = z.object({
  /** An inbound reply this recent pushes a warm lead to hot. */
  hotReplyDays: z.number().int().min(1).max(365),
  /** An inbound touchpoint this recent makes a lead warm. */
  warmEngagedDays: z.number().int().min(1).max(365),
  /** This many outbound touchpoints since the last inbound one is ghosting: cold. */
  ghostingAttempts: z.number().int().min(1).max(50),
  /** No touchpoint for longer than the sales cycle cools a lead. */
  salesCycleDays: z.number().int().min(1).max(3650),
});
export type TemperatureThresholds = z.infer<typeof temperatureThresholds>;

export const settings = z
  .object({
    version: z.literal(SETTINGS_VERSION),
    stages: z.array(stageDef).min(2).max(20),
    thresholds: temperatureThresholds,
    ownEmails: z.array(email),
    autoLog: z.boolean(),
    currency: z.string().regex(/^[A-Z]{3}$/),
  })
  .refine((s) => new Set(s.stages.map((st) => st.id)).size === s.stages.length, 'stage ids must be unique')
  .refine((s) => s.stages.every((st) => st.id !== 'lost' && st.id !== 'later'), '"lost" and "later" are reserved stage ids');
export type Settings = z.infer<typeof settings>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  stages: DEFAULT_STAGES,
  thresholds: { hotReplyDays: 7, warmEngagedDays: 30, ghostingAttempts: 3, salesCycleDays: 30 },
  ownEmails: [],
  autoLog: true,
  currency: 'USD',
};

/** Parses stored settings; anything unreadable falls back to the defaults rather than breaking the app. */
export function readSettings(stored: unknown): Settings {
  const parsed = settings.safeParse(stored);
  return parsed.success ? parsed.data : structuredClone(DEFAULT_SETTINGS);
}

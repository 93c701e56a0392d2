/**
 * The vocabulary both the pipeline rules (`lib/pipeline`) and the user's settings (`lib/settings`)
 * are written in: a stage definition, the temperature thresholds, an email address. It sits below
 * both so that neither imports the other.
 */
import { z } from 'zod';
import { hasVisibleText } from './text';

export const stageDef = z.object({
  id: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9-]+$/, 'stage id: lower-case letters, digits and dashes'),
  /** null: a default stage the user has not renamed, named from its id in the UI's language. */
  name: z.string().trim().min(1).max(60).nullable(),
  /** Win probability, 0..1, used for the weighted pipeline. */
  probability: z.number().min(0).max(1),
  /** A lead with no touchpoint and no stage change for longer than this is "rotting". */
  rottingDays: z.number().int().min(1).max(3650),
});
export type StageDef = z.infer<typeof stageDef>;

/** Thresholds of the temperature rules (all settings). */
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

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'not an email address' }));

/**
 * Text a user gives a lead (name, company…): trimmed, 1 to `max` characters, at least one of them
 * visible. Checked where text comes in (the protocol); stored records are read without it, so a
 * lead or backup saved before the check still opens.
 */
export const visibleText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(hasVisibleText, { message: 'shows only invisible characters (such as zero-width spaces)', params: { code: 'invisible_only' } });

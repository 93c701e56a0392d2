/**
 * The domain model: leads, touchpoints, stages and settings, as zod schemas with their types.
 *
 * Time conventions (also in the README): instants are ISO-8601 strings in UTC
 * (`2026-11-22T09:30:00.000Z`); calendar days the user picks (follow-up, close, re-engage) are
 * `YYYY-MM-DD` strings in the user's local calendar.
 */
import { z } from 'zod';
import { CHANNELS, DIRECTIONS, LEAD_SOURCES, REASON_RULES, TEMPERATURES, TIMEFRAMES } from './constants';
import { email, type StageDef, type TemperatureThresholds } from '../domain/schemas';
import { TEXT_LIMITS as MAX } from '../domain/text';

export { email, stageDef, temperatureThresholds, type StageDef, type TemperatureThresholds } from '../domain/schemas';

export { CHANNELS, DEFAULT_STAGES, DIRECTIONS, EMPTY_QUALIFICATION, LATER, LEAD_SOURCES, LOST, TEMPERATURES, TIMEFRAMES } from './constants';

export const isoInstant = z.iso.datetime({ offset: true });
export const isoDay = z.iso.date();

export const leadSource = z.enum(LEAD_SOURCES);
export type LeadSource = z.infer<typeof leadSource>;

export const temperature = z.enum(TEMPERATURES);
export type Temperature = z.infer<typeof temperature>;

/** What the pipeline rules read of the settings: the funnel and the temperature thresholds. */
export interface PipelineRules {
  stages: StageDef[];
  thresholds: TemperatureThresholds;
}

export const bantAnswer = z.enum(['yes', 'no', 'unknown']);
export type BantAnswer = z.infer<typeof bantAnswer>;
export const timeframe = z.enum(TIMEFRAMES);
export type Timeframe = z.infer<typeof timeframe>;

export const qualification = z.object({
  budget: bantAnswer,
  authority: bantAnswer,
  need: bantAnswer,
  /** The "T" of BANT: when they intend to decide. */
  timeframe,
});
export type Qualification = z.infer<typeof qualification>;

export const stageChange = z.object({
  from: z.string().nullable(),
  to: z.string(),
  at: isoInstant,
});
export type StageChange = z.infer<typeof stageChange>;

// Stored records are read as they are (no visibility check: see `visibleText`), so an older lead
// or backup always opens; new text is checked where it comes in.
const trimmed = (max: number) => z.string().trim().min(1).max(max);

/** Why a lead has its temperature: a rule and its figures (lib/pipeline/temperature.ts), never a sentence. */
export const temperatureReason = z.object({
  rule: z.enum(REASON_RULES),
  params: z.record(z.string(), z.union([z.string().max(500), z.number()])),
});

export const canonicalLinkedinUrl = z.string().regex(/^https:\/\/www\.linkedin\.com\/in\/[^/?#\s]+\/$/, 'not a canonical LinkedIn profile URL');

/**
 * LinkedIn's member id, the `ACoAA…` that messaging and search rows link people by (see
 * lib/sites/linkedin/url.ts for real examples); case-sensitive.
 */
export const linkedinMemberId = z.string().regex(/^ACoAA[A-Za-z0-9_-]{30,40}$/, 'not a LinkedIn member id');

/** A Sales Navigator lead page, canonical: `https://www.linkedin.com/sales/lead/<ACwAA… id>`. */
export const salesNavUrl = z.string().regex(/^https:\/\/www\.linkedin\.com\/sales\/lead\/[A-Za-z0-9_-]{10,}$/, 'not a Sales Navigator lead URL');

export const lead = z.object({
  id: z.string().min(1),
  name: trimmed(MAX.name),
  headline: trimmed(MAX.headline).nullable(),
  company: trimmed(MAX.company).nullable(),
  location: trimmed(MAX.location).nullable(),
  linkedinUrl: canonicalLinkedinUrl.nullable(),
  photoUrl: z.url({ protocol: /^https$/ }).nullable(),
  /** Lower-cased; unique across leads. */
  emails: z.array(email),
  source: leadSource,
  /** A funnel stage id, or `lost` / `later`. */
  stage: z.string().min(1),
  /** Every funnel stage this lead has reached (skipped stages count as reached). */
  reached: z.array(z.string()),
  stageHistory: z.array(stageChange),
  /** Set while stage is `lost`. */
  lost: z.object({ from: z.string(), reason: trimmed(MAX.lostReason), at: isoInstant }).nullable(),
  /** Set while stage is `later`: the stage to return to and when. */
  later: z.object({ from: z.string(), reengageOn: isoDay }).nullable(),
  qualification,
  /** null while the lead is outside the temperature funnel (won, lost, later). */
  temperature: temperature.nullable(),
  temperatureReasons: z.array(temperatureReason),
  temperatureOverride: temperature.nullable(),
  dealValue: z.number().min(0).nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  expectedCloseOn: isoDay.nullable(),
  nextFollowUpOn: isoDay.nullable(),
  tags: z.array(trimmed(MAX.tag)),
  notes: z.string().max(MAX.notes),
  /** The rep who owns the lead in a synced team (the capturer, by their sync user name); absent or null alone. */
  owner: trimmed(100).nullable().optional(),
  /** Last touchpoint time, kept on the lead so staleness needs no scan. */
  lastTouchAt: isoInstant.nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  // Added with the companies store (database v6); records and backups from before read as null.
  /** The company record this lead belongs to. */
  companyId: z.string().min(1).nullable().default(null),
  /** Unique across leads: how messaging and search rows name this person. */
  linkedinMemberId: linkedinMemberId.nullable().default(null),
  /** Unique across leads: the person's Sales Navigator lead page. */
  salesNavUrl: salesNavUrl.nullable().default(null),
});
export type Lead = z.infer<typeof lead>;

export const channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof channel>;
export const direction = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof direction>;

export const touchpoint = z.object({
  id: z.string().min(1),
  leadId: z.string().min(1),
  channel,
  direction,
  at: isoInstant,
  summary: z.string().trim().max(MAX.summary),
  /** Link back: a Gmail thread or a LinkedIn URL. */
  url: z.url({ protocol: /^https$/ }).nullable(),
  /** E.g. a Gmail message id: logging the same external id twice is a no-op. */
  externalId: z.string().min(1).max(300).nullable(),
  createdAt: isoInstant,
});
export type Touchpoint = z.infer<typeof touchpoint>;

/**
 * The words for the domain's ids in the current language: stages, temperatures, channels,
 * directions, sources, BANT, and the reasons behind a temperature. Stored data holds the ids;
 * these render them.
 */
import { LATER, LOST } from '../pipeline/constants';
import type { BantAnswer, Channel, Direction, LeadSource, StageDef, Temperature, Timeframe } from '../pipeline/model';
import type { Reason } from '../pipeline/temperature';
import { formatDaysFrom, language, localeOf, t, tn, type MessageKey } from './i18n';

/** The default stages' names, by id (a stage whose stored name is null is named here). */
export const STAGE_KEYS: Record<string, MessageKey> = {
  prospect: 'stage_prospect',
  qualified: 'stage_qualified',
  contacted: 'stage_contacted',
  nurturing: 'stage_nurturing',
  proposal: 'stage_proposal',
  negotiation: 'stage_negotiation',
  won: 'stage_won',
  [LOST]: 'stage_lost',
  [LATER]: 'stage_later',
};

type StageLike = Pick<StageDef, 'id' | 'name'>;

/** A stage's name: the user's, or the default stage's in the current language; the id when unknown. */
export function stageLabel(stage: string | StageLike, stages: readonly StageLike[] = []): string {
  const def = typeof stage === 'string' ? stages.find((s) => s.id === stage) : stage;
  const id = typeof stage === 'string' ? stage : stage.id;
  if (def?.name && id !== LOST && id !== LATER) return def.name;
  const key = STAGE_KEYS[id];
  return key ? t(key) : id;
}

const TEMPERATURE_KEYS: Record<Temperature, MessageKey> = { hot: 'temp_hot', warm: 'temp_warm', cold: 'temp_cold' };

/** hot / warm / cold in the current language; "no temperature" for none. */
export function temperatureLabel(temperature: Temperature | null): string {
  return temperature ? t(TEMPERATURE_KEYS[temperature]) : t('temp_none');
}

const CHANNEL_KEYS: Record<Channel, MessageKey> = {
  email: 'channel_email',
  'linkedin-message': 'channel_linkedin_message',
  'linkedin-connection': 'channel_linkedin_connection',
  call: 'channel_call',
  meeting: 'channel_meeting',
  note: 'channel_note',
  // Not `channel_other`: a key ending in a plural category would read as a plural.
  other: 'channel_misc',
};

export function channelLabel(channel: Channel): string {
  return t(CHANNEL_KEYS[channel]);
}

const DIRECTION_KEYS: Record<Direction, MessageKey> = { outbound: 'direction_outbound', inbound: 'direction_inbound', internal: 'direction_internal' };

export function directionLabel(direction: Direction): string {
  return t(DIRECTION_KEYS[direction]);
}

const SOURCE_KEYS: Record<LeadSource, MessageKey> = {
  linkedin: 'source_linkedin',
  gmail: 'source_gmail',
  referral: 'source_referral',
  event: 'source_event',
  inbound: 'source_inbound',
  import: 'source_import',
  manual: 'source_manual',
};

export function sourceLabel(source: LeadSource): string {
  return t(SOURCE_KEYS[source]);
}

const BANT_KEYS: Record<'budget' | 'authority' | 'need', MessageKey> = { budget: 'bant_budget', authority: 'bant_authority', need: 'bant_need' };

export function bantLabel(question: 'budget' | 'authority' | 'need'): string {
  return t(BANT_KEYS[question]);
}

const ANSWER_KEYS: Record<BantAnswer, MessageKey> = { yes: 'bant_yes', no: 'bant_no', unknown: 'bant_unknown' };

export function answerLabel(answer: BantAnswer): string {
  return t(ANSWER_KEYS[answer]);
}

const TIMEFRAME_KEYS: Record<Timeframe, MessageKey> = {
  none: 'timeframe_none',
  now: 'timeframe_now',
  'within-2-months': 'timeframe_soon',
  later: 'timeframe_later',
};

export function timeframeLabel(timeframe: Timeframe): string {
  return t(TIMEFRAME_KEYS[timeframe]);
}

const num = (v: string | number | undefined) => Number(v ?? 0);

/** One reason behind a temperature, worded in the current language. */
export function reasonText(reason: Reason, stages: readonly StageLike[]): string {
  const p = reason.params;
  switch (reason.rule) {
    case 'bant-no':
      return t('reason_bant_no', { question: bantLabel(p.question as 'budget' | 'authority' | 'need') });
    case 'ghosting':
      return tn('reason_ghosting', num(p.attempts));
    case 'stale':
      return tn(p.since === 'capture' ? 'reason_stale_capture' : 'reason_stale_contact', num(p.days), { cycle: num(p.cycle) });
    case 'timeframe-now':
      return t('reason_timeframe_now');
    case 'bant-all-yes':
      return t('reason_bant_all_yes');
    case 'recent-reply':
    case 'engaged':
      // Mid-sentence: Intl's standalone form is capitalised in some languages ("Hôm qua").
      return tn('reason_replied', num(p.within), { when: formatDaysFrom(-num(p.days)).toLocaleLowerCase(localeOf(language.value)) });
    case 'timeframe-soon':
      return t('reason_timeframe_soon');
    case 'no-timeframe':
      return t(p.timeframe === 'later' ? 'reason_timeframe_later' : 'reason_no_timeframe');
    case 'outside-funnel':
      return t('reason_outside_funnel', { stage: stageLabel(String(p.stage), stages) });
    case 'override':
      return t('reason_override', { rules: temperatureLabel((p.rules as Temperature | 'none') === 'none' ? null : (p.rules as Temperature)) });
    case 'unrecognised':
      return String(p.text ?? '');
  }
}

/**
 * Errors and refused fields, worded in the current language from their codes
 * (lib/messaging/errors.ts). An error without a known code shows its own message.
 */
import { codeOf, type ErrorParams } from '../messaging/errors';
import type { Issue } from '../messaging/protocol';
import { hasMessage, t, textOf, type Text } from './i18n';
import { stageLabel } from './labels';

/** Parameters as words: a stage id becomes the stage's name. */
function worded(params: ErrorParams): ErrorParams {
  return typeof params.stage === 'string' ? { ...params, stage: stageLabel(params.stage) } : params;
}

/** What went wrong, in the language of the moment (a code's message, else the error's own text). */
export function problemText(error: unknown): Text {
  const coded = codeOf(error);
  // The English text that came with it: an Error's message, or a refused row's reason.
  const own = error as { message?: unknown; reason?: unknown } | null;
  const fallback = typeof own?.message === 'string' ? own.message : typeof own?.reason === 'string' ? own.reason : String(error);
  if (!coded) return fallback;
  // A refused payload: say which field and why, from its first issue.
  const issue = (error as { issues?: Issue[] }).issues?.[0];
  if (coded.code === 'invalid' && issue) return () => t('error_invalid_field', { field: issue.path.join('.'), issue: textOf(issueText(issue)) });
  const key = `error_${coded.code}`;
  return () => (hasMessage(key) ? t(key, worded(coded.params)) : fallback);
}

/** What is wrong with one field, for beside it. */
export function issueText(issue: Issue): Text {
  if (!issue.code) return issue.message;
  const key = `issue_${issue.code}`;
  const params = issue.params ?? {};
  return () => (hasMessage(key) ? t(key, params) : issue.message);
}

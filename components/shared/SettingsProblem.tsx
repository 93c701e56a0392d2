import { t, textOf } from '../../lib/i18n/i18n';
import { problemText } from '../../lib/i18n/problems';
import type { SettingsProblem as Problem } from '../../lib/messaging/protocol';
import { ErrorText } from './ErrorText';

/** Says that the stored settings could not be read: kept as they were, the defaults in use until the user saves. */
export function SettingsProblem({ problem }: { problem: Problem | null }) {
  return <ErrorText error={problem && (() => t('settings_problem', { reason: textOf(problemText(problem)) }))} id="settings-problem" />;
}

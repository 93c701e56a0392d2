import { t } from '../../lib/i18n/i18n';
import { ErrorText } from './ErrorText';

/** Says that the stored settings could not be read: kept as they were, the defaults in use until the user saves. */
export function SettingsProblem({ problem }: { problem: string | null }) {
  return <ErrorText error={problem && t('settingsProblem', { reason: problem })} id="settings-problem" />;
}

import { t } from '../../lib/i18n/i18n';

/** Says that the stored settings could not be read: kept as they were, the defaults in use until the user saves. */
export function SettingsProblem({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <p class="ll-error" role="alert" data-testid="settings-problem">
      {t('settingsProblem', { reason: problem })}
    </p>
  );
}

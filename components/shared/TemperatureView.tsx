import { TEMPERATURES } from '../../lib/pipeline/constants';
import type { StageDef, Temperature } from '../../lib/pipeline/model';
import type { Reason } from '../../lib/pipeline/temperature';
import { reasonText, temperatureLabel } from '../../lib/i18n/labels';
import { t } from '../../lib/i18n/i18n';

interface TemperatureViewProps {
  temperature: Temperature | null;
  reasons: Reason[];
  /** For naming a stage a reason refers to. */
  stages: StageDef[];
  override: Temperature | null;
  onOverride: (value: Temperature | null) => void;
}

/** The temperature, why it is what it is, and the user's override. */
export function TemperatureView({ temperature, reasons, stages, override, onOverride }: TemperatureViewProps) {
  return (
    <section class="ll-temperature" aria-label={t('temp_section')}>
      <div class="ll-row">
        <span class={`ll-temp ll-temp-${temperature ?? 'none'}`}>{temperatureLabel(temperature)}</span>
        <label class="ll-inline">
          <span class="ll-sr">{t('temp_override')}</span>
          <select value={override ?? ''} onChange={(e) => onOverride(((e.currentTarget as HTMLSelectElement).value || null) as Temperature | null)}>
            <option value="">{t('temp_automatic')}</option>
            {TEMPERATURES.map((value) => (
              <option value={value} key={value}>
                {t('temp_set', { temperature: temperatureLabel(value) })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ul class="ll-reasons" aria-label={t('temp_why')}>
        {reasons.map((r, i) => (
          <li key={i}>{reasonText(r, stages)}</li>
        ))}
      </ul>
    </section>
  );
}

import { TEMPERATURES } from '../../lib/pipeline/constants';
import type { Temperature } from '../../lib/pipeline/model';

interface TemperatureViewProps {
  temperature: Temperature | null;
  reasons: string[];
  override: Temperature | null;
  onOverride: (value: Temperature | null) => void;
}

/** The temperature, why it is what it is, and the user's override. */
export function TemperatureView({ temperature, reasons, override, onOverride }: TemperatureViewProps) {
  return (
    <section class="ll-temperature" aria-label="Temperature">
      <div class="ll-row">
        <span class={`ll-temp ll-temp-${temperature ?? 'none'}`}>{temperature ?? 'no temperature'}</span>
        <label class="ll-inline">
          <span class="ll-sr">Temperature override</span>
          <select value={override ?? ''} onChange={(e) => onOverride(((e.currentTarget as HTMLSelectElement).value || null) as Temperature | null)}>
            <option value="">Automatic</option>
            {TEMPERATURES.map((t) => (
              <option value={t} key={t}>
                Set {t}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ul class="ll-reasons" aria-label="Why">
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </section>
  );
}

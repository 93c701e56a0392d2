import { TEMPERATURES } from '../../lib/pipeline/constants';
import { formatNumber, t, tn, type PluralKey } from '../../lib/i18n/i18n';

interface TemperatureSplitProps {
  counts: Record<string, number>;
  onOpen: (temperature: string) => void;
}

/** The word after each count, agreeing with it (Czech "2 horké", "5 horkých"). */
const COUNT_KEYS: Record<(typeof TEMPERATURES)[number], PluralKey> = { hot: 'split_hot', warm: 'split_warm', cold: 'split_cold' };

/** Hot / warm / cold counts of open leads, each opening that list on the pipeline page. */
export function TemperatureSplit({ counts, onOpen }: TemperatureSplitProps) {
  return (
    <ul class="ll-stats" aria-label={t('split_label')}>
      {TEMPERATURES.map((temperature) => (
        <li key={temperature}>
          <button type="button" class={`ll-${temperature}`} onClick={() => onOpen(temperature)}>
            <strong>{formatNumber(counts[temperature] ?? 0)}</strong> {tn(COUNT_KEYS[temperature], counts[temperature] ?? 0)}
          </button>
        </li>
      ))}
    </ul>
  );
}

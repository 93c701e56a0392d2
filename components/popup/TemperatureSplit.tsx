import { TEMPERATURES } from '../../lib/pipeline/constants';

interface TemperatureSplitProps {
  counts: Record<string, number>;
  onOpen: (temperature: string) => void;
}

/** Hot / warm / cold counts of open leads, each opening that list on the pipeline page. */
export function TemperatureSplit({ counts, onOpen }: TemperatureSplitProps) {
  return (
    <ul class="ll-stats" aria-label="Temperature of open leads">
      {TEMPERATURES.map((t) => (
        <li key={t}>
          <button type="button" class={`ll-${t}`} onClick={() => onOpen(t)}>
            <strong>{counts[t] ?? 0}</strong> {t}
          </button>
        </li>
      ))}
    </ul>
  );
}

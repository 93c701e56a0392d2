import type { BantAnswer, Qualification, Timeframe } from '../../lib/pipeline/model';

interface QualificationControlProps {
  value: Qualification;
  /** Only the answer that changed: answers given in quick succession never undo each other. */
  onChange: (change: Partial<Qualification>) => void;
}

const QUESTIONS = [
  ['budget', 'Budget'],
  ['authority', 'Authority'],
  ['need', 'Need'],
] as const;
const ANSWERS: BantAnswer[] = ['yes', 'no', 'unknown'];
const TIMEFRAMES: [Timeframe, string][] = [
  ['none', 'No timeframe given'],
  ['now', 'Now'],
  ['within-2-months', 'Within ~2 months'],
  ['later', 'Later'],
];

/** Quick BANT qualification: budget, authority, need and the decision timeframe. */
export function QualificationControl({ value, onChange }: QualificationControlProps) {
  return (
    <fieldset class="ll-bant">
      <legend>Qualification (BANT)</legend>
      {QUESTIONS.map(([key, label]) => (
        <div class="ll-row" role="radiogroup" aria-label={label} key={key}>
          <span class="ll-bant-label">{label}</span>
          {ANSWERS.map((answer) => (
            <label class="ll-chip" key={answer}>
              <input type="radio" value={answer} name={`ll-bant-${key}`} checked={value[key] === answer} onChange={() => onChange({ [key]: answer })} />
              {answer === 'unknown' ? '?' : answer}
            </label>
          ))}
        </div>
      ))}
      <label class="ll-row">
        <span class="ll-bant-label">Timeline</span>
        <select value={value.timeframe} onChange={(e) => onChange({ timeframe: (e.currentTarget as HTMLSelectElement).value as Timeframe })}>
          {TIMEFRAMES.map(([v, label]) => (
            <option value={v} key={v}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

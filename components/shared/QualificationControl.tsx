import type { Qualification, Timeframe } from '../../lib/pipeline/model';
import { TIMEFRAMES } from '../../lib/pipeline/constants';
import { answerLabel, bantLabel, timeframeLabel } from '../../lib/i18n/labels';
import { t } from '../../lib/i18n/i18n';

interface QualificationControlProps {
  value: Qualification;
  /** Only the answer that changed: answers given in quick succession never undo each other. */
  onChange: (change: Partial<Qualification>) => void;
}

const QUESTIONS = ['budget', 'authority', 'need'] as const;
const ANSWERS = ['yes', 'no', 'unknown'] as const;
/** The picker's order: no timeframe first, then nearest to farthest. */
const TIMEFRAME_ORDER: Timeframe[] = ['none', ...TIMEFRAMES.filter((tf) => tf !== 'none')];

/** Quick BANT qualification: budget, authority, need and the decision timeframe. */
export function QualificationControl({ value, onChange }: QualificationControlProps) {
  return (
    <fieldset class="ll-bant">
      <legend>{t('bant_legend')}</legend>
      {QUESTIONS.map((key) => (
        <div class="ll-row" role="radiogroup" aria-label={bantLabel(key)} key={key}>
          <span class="ll-bant-label">{bantLabel(key)}</span>
          {ANSWERS.map((answer) => (
            <label class="ll-chip" key={answer}>
              <input type="radio" value={answer} name={`ll-bant-${key}`} checked={value[key] === answer} onChange={() => onChange({ [key]: answer })} />
              {answerLabel(answer)}
            </label>
          ))}
        </div>
      ))}
      <label class="ll-row">
        <span class="ll-bant-label">{t('bant_timeline')}</span>
        <select value={value.timeframe} onChange={(e) => onChange({ timeframe: (e.currentTarget as HTMLSelectElement).value as Timeframe })}>
          {TIMEFRAME_ORDER.map((v) => (
            <option value={v} key={v}>
              {timeframeLabel(v)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

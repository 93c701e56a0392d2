import { useState } from 'preact/hooks';
import { QUICK_LOGS, type QuickLog } from '../../lib/ui/quick-logs';

interface LogActionsProps {
  disabled: boolean;
  onLog: (kind: QuickLog, summary: string) => Promise<boolean>;
}

/** One-click logging of a touchpoint, with an optional summary. */
export function LogActions({ disabled, onLog }: LogActionsProps) {
  const [summary, setSummary] = useState('');
  return (
    <section class="ll-log" aria-label="Log a touchpoint">
      <label>
        <span class="ll-sr">Summary (optional)</span>
        <input placeholder="Summary (optional)" value={summary} onInput={(e) => setSummary((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <div class="ll-buttons">
        {QUICK_LOGS.map((kind) => (
          <button
            type="button"
            key={kind.id}
            disabled={disabled}
            onClick={async () => {
              if (await onLog(kind, summary)) setSummary('');
            }}
          >
            {kind.label}
          </button>
        ))}
      </div>
    </section>
  );
}

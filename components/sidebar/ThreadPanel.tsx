import type { ThreadPanelModel } from '../../lib/ui/thread-panel-model';
import { t, tn } from '../../lib/i18n/i18n';
import { LeadCard } from '../shared/LeadCard';
import { ParticipantCapture } from './ParticipantCapture';
import { GmailOptions } from './GmailOptions';
import { ErrorText } from '../shared/ErrorText';

/** The Gmail sidebar's content for the open thread. */
export function ThreadPanel({ model }: { model: ThreadPanelModel }) {
  const thread = model.thread.value;
  if (!thread) return null;
  const rows = model.rows.value;
  const anyLead = rows.some((r) => r.card);
  return (
    <div class="ll-thread">
      <p class="ll-subject">{thread.subject ?? t('noSubject')}</p>
      <p class="ll-muted">{tn('messages', thread.messages.length)}</p>
      {thread.hiddenCount !== 0 && (
        <p class="ll-note" role="status">
          {thread.hiddenCount === null ? t('foldedUnknown') : tn('foldedMessages', thread.hiddenCount)}
        </p>
      )}
      <button type="button" class="ll-primary" disabled={!anyLead || model.busy.value} onClick={() => void model.logThread()}>
        Log email
      </button>
      {!anyLead && rows.length > 0 && <p class="ll-muted">Capture a participant to log this thread against them.</p>}
      {model.logResult.value && (
        <p class="ll-result" role="status">
          {model.logResult.value}
        </p>
      )}
      <ErrorText error={model.error.value} />
      {rows.length === 0 && !model.loading.value && <p class="ll-muted">Only you are in this thread.</p>}
      {rows.map((row) =>
        row.card ? (
          <section class="ll-participant" key={row.participant.email}>
            <LeadCard card={row.card} />
          </section>
        ) : (
          <ParticipantCapture key={row.participant.email} row={row} model={model} />
        ),
      )}
      <GmailOptions model={model} />
    </div>
  );
}

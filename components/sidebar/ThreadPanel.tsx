import type { ThreadPanelModel } from '../../lib/ui/thread-panel-model';
import { LeadCard } from '../shared/LeadCard';
import { ParticipantCapture } from './ParticipantCapture';
import { GmailOptions } from './GmailOptions';
import { ErrorText } from '../shared/ErrorText';
import { t, textOf, tn } from '../../lib/i18n/i18n';

/** The Gmail sidebar's content for the open thread. */
export function ThreadPanel({ model }: { model: ThreadPanelModel }) {
  const thread = model.thread.value;
  if (!thread) return null;
  const rows = model.rows.value;
  const anyLead = rows.some((r) => r.card);
  return (
    <div class="ll-thread">
      <p class="ll-subject">{thread.subject ?? t('thread_no_subject')}</p>
      <p class="ll-muted">{tn('thread_messages', thread.messages.length)}</p>
      {thread.hiddenCount !== 0 && (
        <p class="ll-note" role="status">
          {thread.hiddenCount === null ? t('thread_folded_unknown') : tn('thread_folded', thread.hiddenCount)}
        </p>
      )}
      <button type="button" class="ll-primary" disabled={!anyLead || model.busy.value} onClick={() => void model.logThread()}>
        {t('thread_log_email')}
      </button>
      {!anyLead && rows.length > 0 && <p class="ll-muted">{t('thread_capture_first')}</p>}
      {model.logResult.value && (
        <p class="ll-result" role="status">
          {textOf(model.logResult.value)}
        </p>
      )}
      <ErrorText error={model.error.value} />
      {rows.length === 0 && !model.loading.value && <p class="ll-muted">{t('thread_only_you')}</p>}
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

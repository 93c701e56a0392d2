import type { ConversationModel } from '../../lib/ui/conversation-model';
import { t, tn } from '../../lib/i18n/i18n';
import { ErrorText } from '../shared/ErrorText';
import { PersonPanel } from './PersonPanel';

/** One open conversation: its partner as a lead or a capture form, and "Log messages". */
export function ConversationPanel({ model, index }: { model: ConversationModel; index: number }) {
  const conversation = model.conversation.value;
  if (!conversation) return null;
  const name = conversation.partner.name;
  const known = model.partner.state.value.kind === 'known';
  const { skipped } = model.readable();
  const result = model.logResult.value;
  return (
    <section class="ll-conversation" aria-label={name ? t('conversation_with', { name }) : t('conversation_untitled')}>
      <h2 class="ll-subject">{name ? t('conversation_with', { name }) : t('conversation_untitled')}</h2>
      <p class="ll-muted">{tn('thread_messages', conversation.messages.length)}</p>
      <button type="button" class="ll-primary" disabled={!known || model.busy.value || conversation.messages.length === 0} onClick={() => void model.log()}>
        {t('conversation_log')}
      </button>
      {!known && <p class="ll-muted">{t('conversation_needs_lead')}</p>}
      {skipped > 0 && (
        <p class="ll-note" role="status">
          {tn('conversation_time_unread', skipped)}
        </p>
      )}
      {result && (
        <p class="ll-result" role="status">
          {result.created === 0
            ? t('thread_already_logged')
            : result.auto
              ? tn('conversation_auto_logged', result.created)
              : tn('conversation_logged', result.created)}
        </p>
      )}
      <ErrorText error={model.error.value} />
      <div class="ll-participant">
        <PersonPanel model={model.partner} idPrefix={`ll-conv${index}`} />
      </div>
    </section>
  );
}

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
    <section class="ll-conversation" aria-label={name ? t('conversationWith', { name }) : t('conversation')}>
      <h2 class="ll-subject">{name ? t('conversationWith', { name }) : t('conversation')}</h2>
      <p class="ll-muted">{tn('messages', conversation.messages.length)}</p>
      <button type="button" class="ll-primary" disabled={!known || model.busy.value || conversation.messages.length === 0} onClick={() => void model.log()}>
        {t('logMessages')}
      </button>
      {!known && <p class="ll-muted">{t('logMessagesNeedsLead')}</p>}
      {skipped > 0 && (
        <p class="ll-note" role="status">
          {tn('messagesTimeUnread', skipped)}
        </p>
      )}
      {result && (
        <p class="ll-result" role="status">
          {result.created === 0 ? t('alreadyLogged') : result.auto ? tn('autoLoggedMessages', result.created) : tn('loggedMessages', result.created)}
        </p>
      )}
      <ErrorText error={model.error.value} />
      <div class="ll-participant">
        <PersonPanel model={model.partner} idPrefix={`ll-conv${index}`} />
      </div>
    </section>
  );
}

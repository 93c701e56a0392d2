import { conversationKey, type ConversationsModel } from '../../lib/ui/conversation-model';
import { ConversationPanel } from './ConversationPanel';

/** Every conversation open on the page (the thread pane and overlay bubbles). */
export function ConversationsPanel({ model }: { model: ConversationsModel }) {
  const list = model.list.value;
  if (list.length === 0) return null;
  return (
    <div class="ll-conversations">
      {list.map((conversation, i) => (
        <ConversationPanel key={conversation.conversation.value ? conversationKey(conversation.conversation.value) : i} model={conversation} index={i} />
      ))}
    </div>
  );
}

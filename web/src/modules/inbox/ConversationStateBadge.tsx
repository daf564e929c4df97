import type { ConversationState } from '../../../../contracts/inbox';
import { useMessages } from '../../app/i18n';
import { type BadgeTone, StatusBadge } from '../../ui';
import { conversationMessages } from './conversation-messages';

const TONES: Record<ConversationState, BadgeTone> = { open: 'warning', wachtend: 'info', gesnoozed: 'neutral', gesloten: 'ok' };
const SYMBOLS: Record<ConversationState, string> = { open: '●', wachtend: '…', gesnoozed: '◷', gesloten: '✓' };

// The word and a symbol, so the state never depends on colour alone.
export function ConversationStateBadge({ state }: { state: ConversationState }) {
  const t = useMessages(conversationMessages);
  return (
    <StatusBadge tone={TONES[state]}>
      <span aria-hidden="true" className="plein-badge__symbol">
        {SYMBOLS[state]}
      </span>{' '}
      {t(`state.${state}`)}
    </StatusBadge>
  );
}

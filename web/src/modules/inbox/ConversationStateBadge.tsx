import type { ConversationState } from '@contracts/inbox';
import { useMessages } from '../../app/i18n';
import { type BadgeTone, StatusBadge } from '../../ui';
import { conversationMessages } from './conversation-messages';

const TONES: Record<ConversationState, BadgeTone> = { open: 'warning', wachtend: 'info', gesnoozed: 'neutral', gesloten: 'ok' };
const SYMBOLS: Record<ConversationState, string> = { open: '●', wachtend: '…', gesnoozed: '◷', gesloten: '✓' };

// The word and a symbol, so the state never depends on colour alone. A conversation handed to an outside
// partner waits for the partner, not for the resident, and says so.
export function ConversationStateBadge({ state, partnerDueAt = null }: { state: ConversationState; partnerDueAt?: string | null }) {
  const t = useMessages(conversationMessages);
  const forPartner = state === 'wachtend' && partnerDueAt !== null;
  return (
    <StatusBadge tone={TONES[state]}>
      <span aria-hidden="true" className="plein-badge__symbol">
        {SYMBOLS[state]}
      </span>{' '}
      {forPartner ? t('state.wachtendOpPartner') : t(`state.${state}`)}
    </StatusBadge>
  );
}

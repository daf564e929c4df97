import { CHANNEL_CAPABILITIES } from '@contracts/channel-limits';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useAuth, useMe } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { Alert, AppLink, PageHeader, Paragraph, QueryState } from '../../ui';
import { AbusePanel } from './abuse/AbusePanel';
import { ConversationCases } from './ConversationCases';
import { ConversationEvents, ConversationHistory } from './ConversationEvents';
import { ConversationHandleForm } from './ConversationHandleForm';
import { ConversationMessages } from './ConversationMessages';
import { ConversationNoteForm } from './ConversationNoteForm';
import { ConversationStateBadge } from './ConversationStateBadge';
import { Composer } from './composer/Composer';
import { conversationMessages } from './conversation-messages';
import { type ConversationDetail, inboxQueryKey, useConversation } from './conversation-queries';
import { HandoffPanel } from './handoff/HandoffPanel';
import { ReplyDrafts } from './review/ReplyDrafts';
import { ShortcutsHelp } from './ShortcutsHelp';
import { ConversationSatisfaction } from './satisfaction/ConversationSatisfaction';
import { useInboxShortcuts, useShortcutsEnabled } from './use-inbox-shortcuts';
import { useLiveInbox, usePresence } from './use-live-inbox';

export function ConversationPage() {
  const { id = '' } = useParams();
  const t = useMessages(conversationMessages);
  const conversation = useConversation(id);
  useLiveInbox();
  return (
    <>
      <Paragraph>
        <AppLink to="/inbox">{t('backToInbox')}</AppLink>
      </Paragraph>
      <QueryState query={conversation} loadingLabel={t('detailLoading')} errorTitle={t('notFound')}>
        {(loaded) => <ConversationView conversation={loaded} />}
      </QueryState>
    </>
  );
}

function ConversationView({ conversation }: { conversation: ConversationDetail }) {
  const t = useMessages(conversationMessages);
  const { can } = useAuth();
  const me = useMe();
  const municipalityName = me.municipalities.find((m) => m.cbsCode === conversation.municipality)?.name ?? conversation.municipality;
  const queryClient = useQueryClient();
  const name = conversation.author.displayName ?? conversation.author.handle;
  // Every action answers with the conversation as it now is: show it, and let the list fetch again.
  const updated = async (next?: ConversationDetail) => {
    if (next) queryClient.setQueryData([...inboxQueryKey, conversation.id], next);
    else await queryClient.invalidateQueries({ queryKey: [...inboxQueryKey, conversation.id] });
    await queryClient.invalidateQueries({ queryKey: [...inboxQueryKey, 'lijst'] });
  };
  const canHandle = can('inbox.handle');
  const [composing, setComposing] = useState(false);
  const others = usePresence(conversation.id, composing);
  const typing = others.filter((other) => other.composing).map((other) => other.name);
  const viewing = others.filter((other) => !other.composing).map((other) => other.name);
  const [shortcutsOn, setShortcutsOn] = useShortcutsEnabled();
  const shortcuts = useMemo(() => ({ r: () => document.querySelector<HTMLTextAreaElement>('main textarea')?.focus() }), []);
  useInboxShortcuts(shortcutsOn, shortcuts);

  return (
    <>
      <PageHeader
        title={t('detailTitle', { name })}
        lead={
          <div className="plein-melding-header">
            <span>
              {CHANNEL_CAPABILITIES[conversation.channel].label} · {conversation.author.handle} · {municipalityName}
            </span>
            <ConversationStateBadge state={conversation.state} partnerDueAt={conversation.partnerDueAt} />
          </div>
        }
      />
      <ShortcutsHelp enabled={shortcutsOn} onChange={setShortcutsOn} keys={['r']} />
      <div role="status" aria-live="polite">
        {typing.length > 0 && <Alert type="warning">{t('othersComposing', { names: typing.join(', ') })}</Alert>}
        {viewing.length > 0 && <Alert type="info">{t('othersViewing', { names: viewing.join(', ') })}</Alert>}
      </div>
      <div className="plein-melding-layout">
        <div className="plein-melding-layout__main">
          <ConversationMessages conversation={conversation} onRetried={() => updated()} />
          <ReplyDrafts conversation={conversation} onUpdated={() => updated()} />
          {canHandle && <Composer conversation={conversation} onSent={() => void updated()} onComposing={setComposing} />}
        </div>
        <div className="plein-melding-layout__side">
          {canHandle && (
            <>
              <ConversationHandleForm conversation={conversation} onUpdated={updated} />
              <ConversationNoteForm conversation={conversation} onUpdated={updated} />
              <AbusePanel conversation={conversation} />
            </>
          )}
          <HandoffPanel conversation={conversation} />
          <ConversationSatisfaction conversation={conversation} />
          <ConversationCases conversation={conversation} />
          <ConversationEvents conversation={conversation} />
          <ConversationHistory conversation={conversation} />
        </div>
      </div>
    </>
  );
}

import { api } from '../../app/api-client';
import { formatDateTime } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { Button, ExternalLink, Heading, StatusBadge } from '../../ui';
import { conversationMessages } from './conversation-messages';
import type { ConversationDetail } from './conversation-queries';

// A later part of a thread goes only after the part before it: while that one is still in the queue (or failed).
function waitsForPart(item: ConversationDetail['outbox'][number], outbox: ConversationDetail['outbox']) {
  return item.status === 'wachtend' && item.afterOutboxId !== null && outbox.some((other) => other.id === item.afterOutboxId);
}

// Oldest first, as the conversation went; our answers still in the queue (or failed) at the end.
export function ConversationMessages({ conversation, onRetried }: { conversation: ConversationDetail; onRetried: () => Promise<void> }) {
  const t = useMessages(conversationMessages);
  return (
    <section className="plein-section" aria-labelledby="berichten">
      <Heading level={2} id="berichten">
        {t('messagesHeading')}
      </Heading>
      <ol className="plein-conversation">
        {conversation.messages.map((message) => (
          <li key={message.id} className={`plein-conversation__message plein-conversation__message--${message.direction}`}>
            <p className="utrecht-paragraph plein-conversation__meta">
              <strong>{message.direction === 'in' ? (message.author.displayName ?? message.author.handle) : t('outgoing')}</strong>{' '}
              <time dateTime={message.postedAt}>{formatDateTime(message.postedAt)}</time>
              {message.visibility === 'prive' ? ` · ${t('private')}` : ''}
            </p>
            <p className="utrecht-paragraph plein-break plein-pre-line">{message.text}</p>
            {message.publicUrl && <ExternalLink href={message.publicUrl}>{t('viewOnPlatform')}</ExternalLink>}
          </li>
        ))}
      </ol>
      {conversation.outbox.length > 0 && (
        <>
          <Heading level={3}>{t('pendingHeading')}</Heading>
          <ul className="plein-conversation">
            {conversation.outbox.map((item) => (
              <li key={item.id} className="plein-conversation__message plein-conversation__message--uit plein-conversation__message--pending">
                <p className="utrecht-paragraph plein-conversation__meta">
                  <StatusBadge tone={item.status === 'mislukt' ? 'error' : 'info'}>
                    {t(waitsForPart(item, conversation.outbox) ? 'outbox.naVorigDeel' : `outbox.${item.status}`)}
                  </StatusBadge>{' '}
                  <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
                </p>
                <p className="utrecht-paragraph plein-break plein-pre-line">{item.text}</p>
                {item.lastError && <p className="utrecht-paragraph plein-field-error">{item.lastError}</p>}
                {item.status === 'mislukt' && (
                  <Button
                    onClick={async () => {
                      await api.post(`/api/v1/outbox/${item.id}/retry`, {});
                      await onRetried();
                    }}
                  >
                    {t('retry')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

import type { Message } from '@contracts/channels';
import { formatDateTime } from '../../../app/format';
import { useMessages } from '../../../app/i18n';
import { Heading, Paragraph, QueryState } from '../../../ui';
import { SimulatedBadge } from './AccountBadges';
import { useRecentMessages } from './channel-queries';
import { channelsMessages } from './channels-messages';

// The last few messages prove an account works, and show which of them are simulated.
export function RecentMessages({ accountId }: { accountId: string }) {
  const t = useMessages(channelsMessages);
  const messages = useRecentMessages(accountId, true);
  return (
    <section className="plein-section" aria-labelledby="laatste-berichten">
      <Heading level={2} id="laatste-berichten">
        {t('messagesHeading')}
      </Heading>
      <QueryState query={messages} loadingLabel={t('messagesLoading')} errorTitle={t('messagesFailed')}>
        {(page) =>
          page.messages.length === 0 ? (
            <Paragraph>{t('messagesEmpty')}</Paragraph>
          ) : (
            <ul className="plein-message-list">
              {page.messages.map((message) => (
                <MessageItem key={message.id} message={message} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

function MessageItem({ message }: { message: Message }) {
  const t = useMessages(channelsMessages);
  const author = message.author.displayName ?? message.author.handle;
  return (
    <li className="plein-message">
      <p className="utrecht-paragraph plein-message__meta">
        <span>
          {message.direction === 'in' ? t('received') : t('sent')} {formatDateTime(message.postedAt)}
        </span>{' '}
        <span className="plein-break">{message.direction === 'in' ? t('from', { author }) : t('to', { author })}</span>{' '}
        {message.simulated && <SimulatedBadge />}
      </p>
      {message.subject && <p className="utrecht-paragraph plein-message__subject">{message.subject}</p>}
      <p className="utrecht-paragraph plein-message__text plein-break">{message.text}</p>
    </li>
  );
}

import { CHANNEL_CAPABILITIES } from '@contracts/channel-limits';
import { formatDateTime } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { AppLink, Heading, Paragraph } from '../../ui';
import { ConversationStateBadge } from './ConversationStateBadge';
import { conversationMessages } from './conversation-messages';
import type { ConversationDetail } from './conversation-queries';

export function ConversationEvents({ conversation }: { conversation: ConversationDetail }) {
  const t = useMessages(conversationMessages);
  return (
    <section className="plein-section" aria-labelledby="gebeurtenissen">
      <Heading level={2} id="gebeurtenissen">
        {t('timelineHeading')}
      </Heading>
      {conversation.events.length === 0 ? (
        <Paragraph className="plein-muted">{t('noEvents')}</Paragraph>
      ) : (
        <ol className="plein-timeline">
          {conversation.events.map((event) => (
            <li key={event.id} className={`plein-timeline__event plein-timeline__event--${event.kind}`}>
              <p className="utrecht-paragraph plein-timeline__text plein-break plein-pre-line">{event.text}</p>
              <p className="utrecht-paragraph plein-timeline__meta">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time> {event.actorName ? t('by', { name: event.actorName }) : ''}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function ConversationHistory({ conversation }: { conversation: ConversationDetail }) {
  const t = useMessages(conversationMessages);
  return (
    <section className="plein-section" aria-labelledby="geschiedenis">
      <Heading level={2} id="geschiedenis">
        {t('historyHeading')}
      </Heading>
      {conversation.history.length === 0 ? (
        <Paragraph className="plein-muted">{t('noHistory')}</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list">
          {conversation.history.map((other) => (
            <li key={other.id}>
              <AppLink to={`/inbox/${other.id}`}>{formatDateTime(other.startedAt)}</AppLink> {CHANNEL_CAPABILITIES[other.channel].label}{' '}
              <ConversationStateBadge state={other.state} /> <span className="plein-break">{other.preview}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

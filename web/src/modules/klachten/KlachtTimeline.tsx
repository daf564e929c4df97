import type { KlachtDetail } from '../../../../contracts/klachten';
import { formatDateTime } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { Heading } from '../../ui';
import { klachtenMessages } from './klachten-messages';

type KlachtEvent = KlachtDetail['events'][number];

// Oldest first, as the story of the klacht: what happened, who did it, when, and what the complainant was sent.
export function KlachtTimeline({ klacht }: { klacht: KlachtDetail }) {
  const t = useMessages(klachtenMessages);
  return (
    <section className="plein-section" aria-labelledby="klacht-tijdlijn">
      <Heading level={2} id="klacht-tijdlijn">
        {t('timelineHeading')}
      </Heading>
      <ol className="plein-timeline">
        {klacht.events.map((event) => (
          <TimelineEvent key={event.id} event={event} />
        ))}
      </ol>
    </section>
  );
}

function TimelineEvent({ event }: { event: KlachtEvent }) {
  const t = useMessages(klachtenMessages);
  const what =
    event.kind === 'status' && event.fromStatus && event.toStatus
      ? t('event.status', { from: t(`status.${event.fromStatus}`), to: t(`status.${event.toStatus}`) })
      : t(`event.${event.kind}`);
  return (
    <li className={`plein-timeline__event plein-timeline__event--${event.kind}`}>
      <p className="utrecht-paragraph plein-timeline__what">{what}</p>
      <p className="utrecht-paragraph plein-timeline__meta">
        <time dateTime={event.at}>{formatDateTime(event.at)}</time> {event.actorName ? t('eventBy', { name: event.actorName }) : t('eventBySystem')}
      </p>
      {event.text && (
        <p className="utrecht-paragraph plein-timeline__text plein-break plein-pre-line">
          {event.sentToComplainant && <span className="plein-timeline__label">{t('sentToComplainant')} </span>}
          {event.text}
        </p>
      )}
    </li>
  );
}

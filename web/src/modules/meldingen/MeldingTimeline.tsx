import { formatDateTime } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { Heading } from '../../ui';
import { meldingenMessages } from './meldingen-messages';
import type { MeldingDetail } from './meldingen-queries';

type MeldingEvent = MeldingDetail['events'][number];

// Oldest first, as the story of the melding: what happened, who did it, when, and what the reporter was told.
export function MeldingTimeline({ melding }: { melding: MeldingDetail }) {
  const t = useMessages(meldingenMessages);
  return (
    <section className="plein-section" aria-labelledby="tijdlijn">
      <Heading level={2} id="tijdlijn">
        {t('timelineHeading')}
      </Heading>
      <ol className="plein-timeline">
        {melding.events.map((event) => (
          <TimelineEvent key={event.id} event={event} />
        ))}
      </ol>
    </section>
  );
}

function TimelineEvent({ event }: { event: MeldingEvent }) {
  const t = useMessages(meldingenMessages);
  const what =
    event.kind === 'status' && event.fromStatus && event.toStatus
      ? t('event.status', { from: t(`status.${event.fromStatus}`), to: t(`status.${event.toStatus}`) })
      : t(`event.${event.kind}`);
  return (
    <li className={`plein-timeline__event plein-timeline__event--${event.kind}`}>
      <p className="utrecht-paragraph plein-timeline__what">{what}</p>
      <p className="utrecht-paragraph plein-timeline__meta">
        <time dateTime={event.at}>{formatDateTime(event.at)}</time> {event.actorName ? t('eventBy', { name: event.actorName }) : event.kind === 'gemeld' ? t('eventByReporter') : t('eventBySystem')}
      </p>
      {event.text && (
        <p className="utrecht-paragraph plein-timeline__text plein-break plein-pre-line">
          {(event.kind === 'status' || event.sentToReporter) && (
            <span className="plein-timeline__label">{event.sentVia === 'kanaal' ? t('sentViaChannel') : event.sentToReporter ? t('sentToReporter') : t('notSent')} </span>
          )}
          {event.text}
        </p>
      )}
    </li>
  );
}

import { useMessages } from '../../app/i18n';
import { Timeline } from '../../ui';
import { meldingenMessages } from './meldingen-messages';
import type { MeldingDetail } from './meldingen-queries';

// Oldest first, as the story of the melding: what happened, who did it, when, and what the reporter was told.
export function MeldingTimeline({ melding }: { melding: MeldingDetail }) {
  const t = useMessages(meldingenMessages);
  const items = melding.events.map((event) => ({
    id: event.id,
    kind: event.kind,
    at: event.at,
    what:
      event.kind === 'status' && event.fromStatus && event.toStatus
        ? t('event.status', { from: t(`status.${event.fromStatus}`), to: t(`status.${event.toStatus}`) })
        : t(`event.${event.kind}`),
    by: event.actorName ? t('eventBy', { name: event.actorName }) : event.kind === 'gemeld' ? t('eventByReporter') : t('eventBySystem'),
    label:
      event.kind === 'status' || event.sentToReporter
        ? event.sentVia === 'kanaal'
          ? t('sentViaChannel')
          : event.sentToReporter
            ? t('sentToReporter')
            : t('notSent')
        : null,
    text: event.text,
  }));
  return <Timeline id="tijdlijn" heading={t('timelineHeading')} items={items} />;
}

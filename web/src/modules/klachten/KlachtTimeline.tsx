import type { KlachtDetail } from '@contracts/klachten';
import { useMessages } from '../../app/i18n';
import { Timeline } from '../../ui';
import { klachtenMessages } from './klachten-messages';

// Oldest first, as the story of the klacht: what happened, who did it, when, and what the complainant was sent.
export function KlachtTimeline({ klacht }: { klacht: KlachtDetail }) {
  const t = useMessages(klachtenMessages);
  const items = klacht.events.map((event) => ({
    id: event.id,
    kind: event.kind,
    at: event.at,
    what:
      event.kind === 'status' && event.fromStatus && event.toStatus
        ? t('event.status', { from: t(`status.${event.fromStatus}`), to: t(`status.${event.toStatus}`) })
        : t(`event.${event.kind}`),
    by: event.actorName ? t('eventBy', { name: event.actorName }) : t('eventBySystem'),
    label: event.sentToComplainant ? t('sentToComplainant') : null,
    text: event.text,
  }));
  return <Timeline id="klacht-tijdlijn" heading={t('timelineHeading')} items={items} />;
}

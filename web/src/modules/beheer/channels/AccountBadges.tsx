import type { AccountStatus } from '@contracts/channels';
import { useMessages } from '../../../app/i18n';
import { type BadgeTone, StatusBadge } from '../../../ui';
import { channelsMessages } from './channels-messages';

const TONE: Record<AccountStatus, BadgeTone> = { nieuw: 'info', verbonden: 'ok', 'aandacht-nodig': 'error', gepauzeerd: 'neutral' };

// A symbol next to the word, so the status does not depend on seeing the badge colour.
const SYMBOL: Record<AccountStatus, string> = { nieuw: '○', verbonden: '✓', 'aandacht-nodig': '!', gepauzeerd: 'II' };

export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  const t = useMessages(channelsMessages);
  return (
    <StatusBadge tone={TONE[status]}>
      <span aria-hidden="true" className="plein-badge__symbol">
        {SYMBOL[status]}
      </span>{' '}
      {t(`status.${status}`)}
    </StatusBadge>
  );
}

// Simulated traffic must never be mistaken for residents: the badge says so in words.
export function SimulatedBadge() {
  const t = useMessages(channelsMessages);
  return (
    <StatusBadge tone="warning">
      <span aria-hidden="true" className="plein-badge__symbol">
        ⚙
      </span>{' '}
      {t('simulated')}
    </StatusBadge>
  );
}

// Messages set aside need someone's attention even while the account itself keeps working.
export function QuarantineBadge({ count }: { count: number }) {
  const t = useMessages(channelsMessages);
  if (count === 0) return null;
  return (
    <StatusBadge tone="error">
      <span aria-hidden="true" className="plein-badge__symbol">
        !
      </span>{' '}
      {count === 1 ? t('quarantineBadgeOne') : t('quarantineBadge', { count: String(count) })}
    </StatusBadge>
  );
}

import type { Channel, ChannelAccount } from '@contracts/channels';
import { formatDateTime } from '../../../app/format';
import { useMessages } from '../../../app/i18n';
import { AppLink, DataTable } from '../../../ui';
import { AccountStatusBadge, QuarantineBadge, SimulatedBadge } from './AccountBadges';
import { channelsMessages } from './channels-messages';

export function ChannelAccountsTable({
  caption,
  accounts,
  channelLabel,
}: {
  caption: string;
  accounts: ChannelAccount[];
  channelLabel: (channel: Channel) => string;
}) {
  const t = useMessages(channelsMessages);
  return (
    <DataTable<ChannelAccount>
      caption={caption}
      captionHidden
      rows={accounts}
      rowKey={(account) => account.id}
      columns={[
        {
          header: t('account'),
          cell: (account) => (
            <>
              <AppLink to={`/beheer/kanalen/${account.id}`}>{account.displayName}</AppLink>
              {account.displayName !== account.handle && <div className="plein-muted plein-break">{account.handle}</div>}
            </>
          ),
        },
        {
          header: t('channel'),
          cell: (account) => (
            <span className="plein-badge-row">
              {channelLabel(account.channel)}
              {account.simulated && <SimulatedBadge />}
            </span>
          ),
        },
        {
          header: t('status'),
          cell: (account) => (
            <span className="plein-badge-row">
              <AccountStatusBadge status={account.status} />
              <QuarantineBadge count={account.quarantined} />
            </span>
          ),
        },
        { header: t('lastSuccess'), cell: (account) => (account.lastSuccessAt ? formatDateTime(account.lastSuccessAt) : t('never')) },
        {
          header: t('lastError'),
          cell: (account) =>
            account.lastError ? (
              <span className="plein-break">{t('lastErrorAt', { time: formatDateTime(account.lastErrorAt), error: account.lastError })}</span>
            ) : (
              t('none')
            ),
        },
      ]}
    />
  );
}

import type { ChannelRequirements } from '@contracts/channel-fields';
import type { ChannelAccount } from '@contracts/channels';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, ProblemError } from '../../../app/api-client';
import { useAuth, useMe } from '../../../app/auth-context';
import { commonMessages } from '../../../app/common-messages';
import { formatDateTime } from '../../../app/format';
import { useMessages } from '../../../app/i18n';
import { Alert, AppLink, Button, DataList, Heading, PageHeader, Paragraph, QueryState } from '../../../ui';
import { useOrganisation } from '../organisation-queries';
import { AccountStatusBadge, QuarantineBadge, SimulatedBadge } from './AccountBadges';
import { type ChannelCatalogue, channelAccountsQueryKey, useChannelAccount, useChannelCatalogue, WEBHOOK_CHANNELS } from './channel-queries';
import { channelsMessages } from './channels-messages';
import { type ChannelAccountChange, EditChannelAccountForm } from './EditChannelAccountForm';
import { OfficeHoursSection } from './office-hours/OfficeHoursSection';
import { QuarantineSection } from './QuarantineSection';
import { RecentMessages } from './RecentMessages';
import { SatisfactionSurveySection } from './SatisfactionSurveySection';
import { WebhookAddress } from './WebhookAddress';

export function EditChannelAccountPage() {
  const { id = '' } = useParams();
  const t = useMessages(channelsMessages);
  const common = useMessages(commonMessages);
  const account = useChannelAccount(id);
  const catalogue = useChannelCatalogue();

  return (
    <div className="plein-narrow">
      <Paragraph>
        <AppLink to="/beheer/kanalen">{t('backToList')}</AppLink>
      </Paragraph>
      <QueryState query={account} loadingLabel={t('loading')} errorTitle={t('notFound')}>
        {(loaded) => (
          <QueryState query={catalogue} loadingLabel={t('catalogueLoading')} errorTitle={common('loadFailed')}>
            {(data) => <EditChannelAccount key={loaded.id} account={loaded} catalogue={data} />}
          </QueryState>
        )}
      </QueryState>
    </div>
  );
}

type Notice = { type: 'ok' | 'error' | 'info'; text: string };

function EditChannelAccount({ account, catalogue }: { account: ChannelAccount; catalogue: ChannelCatalogue }) {
  const t = useMessages(channelsMessages);
  const me = useMe();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<Notice | null>(null);
  const requirements: ChannelRequirements = catalogue.requirements[account.channel];

  const patch = async (change: ChannelAccountChange & { paused?: boolean }) => {
    const updated = await api.patch<ChannelAccount>(`/api/v1/channel-accounts/${account.id}`, change);
    queryClient.setQueryData([...channelAccountsQueryKey, account.id], updated);
    await queryClient.invalidateQueries({ queryKey: channelAccountsQueryKey, exact: true });
  };

  const save = async (change: ChannelAccountChange): Promise<boolean> => {
    setNotice(null);
    if (Object.keys(change).length === 0) {
      setNotice({ type: 'info', text: t('noChanges') });
      return false;
    }
    await patch(change);
    setNotice({ type: 'ok', text: t('saved') });
    return true;
  };

  return (
    <>
      <PageHeader
        title={account.displayName}
        documentTitle={t('editDocumentTitle', { name: account.displayName })}
        lead={<Paragraph lead>{can('channels.manage') ? t('editLead') : t('readOnlyNotice')}</Paragraph>}
      />
      <AccountDetails account={account} channelLabel={catalogue.capabilities[account.channel]?.label ?? account.channel} />
      <QuarantineSection accountId={account.id} count={account.quarantined} canManage={can('channels.manage')} />
      {can('channels.manage') && (
        <>
          <section className="plein-section" aria-labelledby="instellingen">
            <Heading level={2} id="instellingen">
              {t('settingsHeading')}
            </Heading>
            {notice && <Alert type={notice.type}>{notice.text}</Alert>}
            <EditChannelAccountForm account={account} requirements={requirements} onSubmit={save} />
          </section>
          <PauseSection account={account} onToggle={(paused) => patch({ paused })} />
        </>
      )}
      {can('inbox.read') && <OfficeHoursSection accountId={account.id} canManage={can('channels.manage')} />}
      <SatisfactionSurveySection accountId={account.id} canManage={can('channels.manage')} />
      {WEBHOOK_CHANNELS.includes(account.channel) && <WebhookAddress organisationId={me.organisation.id} accountId={account.id} />}
      {can('messages.read') && <RecentMessages accountId={account.id} />}
    </>
  );
}

function AccountDetails({ account, channelLabel }: { account: ChannelAccount; channelLabel: string }) {
  const t = useMessages(channelsMessages);
  const organisation = useOrganisation();
  const municipality = organisation.data?.municipalities.find((m) => m.id === account.municipalityId)?.name ?? '…';
  return (
    <DataList
      items={[
        {
          key: t('channel'),
          value: (
            <span className="plein-badge-row">
              {channelLabel}
              {account.simulated && <SimulatedBadge />}
            </span>
          ),
        },
        { key: t('municipality'), value: municipality },
        { key: t('handle'), value: <span className="plein-break">{account.handle}</span> },
        {
          key: t('status'),
          value: (
            <span className="plein-badge-row">
              <AccountStatusBadge status={account.status} />
              <QuarantineBadge count={account.quarantined} />
            </span>
          ),
        },
        { key: t('lastSuccess'), value: account.lastSuccessAt ? formatDateTime(account.lastSuccessAt) : t('never') },
        { key: t('lastError'), value: <LastErrors account={account} /> },
        ...(account.rateLimitedUntil && new Date(account.rateLimitedUntil) > new Date()
          ? [{ key: t('rateLimited'), value: t('rateLimitedUntil', { time: formatDateTime(account.rateLimitedUntil) }) }]
          : []),
        { key: t('createdAt'), value: formatDateTime(account.createdAt) },
      ]}
    />
  );
}

// Each part of the account that failed last time on its own line: X's mentions failing while its direct messages
// arrive must not look like a healthy account.
function LastErrors({ account }: { account: ChannelAccount }) {
  const t = useMessages(channelsMessages);
  if (account.failingStreams.length === 0) {
    return account.lastError ? (
      <span className="plein-break">{t('lastErrorAt', { time: formatDateTime(account.lastErrorAt), error: account.lastError })}</span>
    ) : (
      t('none')
    );
  }
  const streamName = (stream: string) => {
    const key = `stream_${stream}`;
    return key in channelsMessages.nl ? t(key as Parameters<typeof t>[0]) : stream;
  };
  return (
    <ul className="utrecht-unordered-list">
      {account.failingStreams.map((part) => (
        <li key={part.stream} className="plein-break">
          {t('streamErrorAt', { stream: streamName(part.stream), time: formatDateTime(part.at), error: part.error })}
        </li>
      ))}
    </ul>
  );
}

// Pausing is undone with one click, so it needs no confirmation step.
function PauseSection({ account, onToggle }: { account: ChannelAccount; onToggle: (paused: boolean) => Promise<void> }) {
  const t = useMessages(channelsMessages);
  const [busy, setBusy] = useState(false);
  const [notice, onNotice] = useState<Notice | null>(null);
  const toggle = async () => {
    const paused = !account.paused;
    setBusy(true);
    onNotice(null);
    try {
      await onToggle(paused);
      onNotice({ type: 'ok', text: paused ? t('pauseDone') : t('resumeDone') });
    } catch (error) {
      onNotice({ type: 'error', text: error instanceof ProblemError ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="plein-section" aria-labelledby="pauzeren">
      <Heading level={2} id="pauzeren">
        {t('pauseHeading')}
      </Heading>
      <Paragraph>{account.paused ? t('pausedNotice') : t('activeNotice')}</Paragraph>
      <Button busy={busy} onClick={() => void toggle()}>
        {account.paused ? t('resume') : t('pause')}
      </Button>
      {notice && <Alert type={notice.type}>{notice.text}</Alert>}
    </section>
  );
}

import type { ChannelAccount } from '@contracts/channels';
import type { Municipality } from '@contracts/organisation';
import { useLocation, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/auth-context';
import { useMessages } from '../../../app/i18n';
import { Alert, ButtonLink, EmptyState, Heading, PageHeader, Paragraph, QueryState, SelectField } from '../../../ui';
import { useOrganisation } from '../organisation-queries';
import { ChannelAccountsTable } from './ChannelAccountsTable';
import { useChannelAccounts, useChannelCatalogue } from './channel-queries';
import { channelsMessages } from './channels-messages';

export function ChannelAccountsPage() {
  const t = useMessages(channelsMessages);
  const { can } = useAuth();
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  const accounts = useChannelAccounts();
  const organisation = useOrganisation();
  const canManage = can('channels.manage');

  return (
    <>
      <PageHeader
        title={t('title')}
        lead={<Paragraph lead>{t('lead')}</Paragraph>}
        actions={canManage && <ButtonLink to="/beheer/kanalen/nieuw">{t('connect')}</ButtonLink>}
      />
      {flash && <Alert type="ok">{flash}</Alert>}
      <QueryState query={accounts} loadingLabel={t('loading')} errorTitle={t('title')}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('emptyTitle')}>
              <Paragraph>{canManage ? t('emptyText') : t('emptyTextReadOnly')}</Paragraph>
            </EmptyState>
          ) : (
            <QueryState query={organisation} loadingLabel={t('loading')} errorTitle={t('title')}>
              {(org) => <AccountsByMunicipality accounts={list} municipalities={org.municipalities} />}
            </QueryState>
          )
        }
      </QueryState>
    </>
  );
}

// One section per municipality, so a beheerder of a shared service organisation sees whose accounts they are;
// the filter (kept in the address) narrows it to one.
function AccountsByMunicipality({ accounts, municipalities }: { accounts: ChannelAccount[]; municipalities: Municipality[] }) {
  const t = useMessages(channelsMessages);
  const catalogue = useChannelCatalogue();
  const [params, setParams] = useSearchParams();
  const selected = params.get('gemeente') ?? '';
  const shown = municipalities.filter((m) => (selected ? m.id === selected : accounts.some((account) => account.municipalityId === m.id)));
  const channelLabel = (channel: ChannelAccount['channel']) => catalogue.data?.capabilities[channel]?.label ?? channel;

  return (
    <>
      <div className="plein-inline-filter">
        <SelectField
          label={t('municipalityFilter')}
          value={selected}
          onChange={(value) => setParams(value ? { gemeente: value } : {}, { replace: true })}
          options={[{ value: '', label: t('allMunicipalities') }, ...municipalities.map((m) => ({ value: m.id, label: m.name }))]}
        />
      </div>
      {shown.map((municipality) => {
        const own = accounts.filter((account) => account.municipalityId === municipality.id);
        const headingId = `gemeente-${municipality.id}`;
        return (
          <section key={municipality.id} className="plein-section" aria-labelledby={headingId}>
            <Heading level={2} id={headingId}>
              {municipality.name}{' '}
              <span className="plein-muted plein-heading-count">({own.length === 1 ? t('accountCountOne') : t('accountCount', { count: own.length })})</span>
            </Heading>
            {own.length === 0 ? (
              <Paragraph>{t('emptyMunicipality')}</Paragraph>
            ) : (
              <ChannelAccountsTable caption={t('tableCaption', { municipality: municipality.name })} accounts={own} channelLabel={channelLabel} />
            )}
          </section>
        );
      })}
    </>
  );
}

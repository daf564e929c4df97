import type { ChannelAccount } from '@contracts/channels';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../../app/api-client';
import { useAuth } from '../../../app/auth-context';
import { commonMessages } from '../../../app/common-messages';
import { useMessages } from '../../../app/i18n';
import { AppLink, PageHeader, Paragraph, QueryState } from '../../../ui';
import { useOrganisation } from '../organisation-queries';
import { channelAccountsQueryKey, useChannelCatalogue } from './channel-queries';
import { channelsMessages } from './channels-messages';
import { NewChannelAccountForm, type NewChannelAccountInput } from './NewChannelAccountForm';

export function NewChannelAccountPage() {
  const t = useMessages(channelsMessages);
  const common = useMessages(commonMessages);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { activeMunicipality } = useAuth();
  const organisation = useOrganisation();
  const catalogue = useChannelCatalogue();

  const connect = async (input: NewChannelAccountInput) => {
    const account = await api.post<ChannelAccount>('/api/v1/channel-accounts', input);
    await queryClient.invalidateQueries({ queryKey: channelAccountsQueryKey });
    navigate('/beheer/kanalen', { state: { flash: t('created', { name: account.displayName }) } });
  };

  return (
    <div className="plein-narrow">
      <Paragraph>
        <AppLink to="/beheer/kanalen">{t('backToList')}</AppLink>
      </Paragraph>
      <PageHeader title={t('newTitle')} lead={<Paragraph lead>{t('newLead')}</Paragraph>} />
      <QueryState query={organisation} loadingLabel={common('loading')} errorTitle={common('loadFailed')}>
        {(org) => (
          <QueryState query={catalogue} loadingLabel={t('catalogueLoading')} errorTitle={common('loadFailed')}>
            {(data) => (
              <NewChannelAccountForm
                catalogue={data}
                municipalities={org.municipalities}
                initialMunicipalityId={activeMunicipality?.id ?? (org.municipalities.length === 1 ? (org.municipalities[0]?.id ?? '') : '')}
                onSubmit={connect}
              />
            )}
          </QueryState>
        )}
      </QueryState>
    </div>
  );
}

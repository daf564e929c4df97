import type { Team } from '@contracts/users';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../../app/api-client';
import { commonMessages } from '../../../app/common-messages';
import { useMessages } from '../../../app/i18n';
import { AppLink, PageHeader, Paragraph, QueryState } from '../../../ui';
import { teamsQueryKey, useUsers } from '../organisation-queries';
import { TeamForm, type TeamFormValues } from './TeamForm';
import { teamsMessages } from './teams-messages';

export function NewTeamPage() {
  const t = useMessages(teamsMessages);
  const common = useMessages(commonMessages);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const users = useUsers();

  const create = async (values: TeamFormValues) => {
    const team = await api.post<Team>('/api/v1/teams', values);
    await queryClient.invalidateQueries({ queryKey: teamsQueryKey });
    navigate('/beheer/teams', { state: { flash: t('created', { name: team.name }) } });
  };

  return (
    <div className="plein-narrow">
      <Paragraph>
        <AppLink to="/beheer/teams">{t('backToList')}</AppLink>
      </Paragraph>
      <PageHeader title={t('newTitle')} />
      <QueryState query={users} loadingLabel={common('loading')} errorTitle={common('loadFailed')}>
        {(list) => <TeamForm mode="create" initial={{ name: '', description: '', memberIds: [] }} users={list} onSubmit={create} />}
      </QueryState>
    </div>
  );
}

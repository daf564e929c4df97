import type { Team } from '@contracts/users';
import { useLocation } from 'react-router';
import { useMessages } from '../../../app/i18n';
import { Alert, AppLink, ButtonLink, DataTable, EmptyState, PageHeader, Paragraph, QueryState } from '../../../ui';
import { useTeams, useUsers } from '../organisation-queries';
import { teamsMessages } from './teams-messages';

export function TeamsPage() {
  const t = useMessages(teamsMessages);
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  const teams = useTeams();
  const users = useUsers();
  const userName = (id: string) => users.data?.find((user) => user.id === id)?.name ?? '…';
  const newTeamLink = <ButtonLink to="/beheer/teams/nieuw">{t('newTeam')}</ButtonLink>;

  return (
    <>
      <PageHeader title={t('title')} lead={<Paragraph lead>{t('lead')}</Paragraph>} actions={newTeamLink} />
      {flash && <Alert type="ok">{flash}</Alert>}
      <QueryState query={teams} loadingLabel={t('loading')} errorTitle={t('title')}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('emptyTitle')}>
              <Paragraph>{t('emptyText')}</Paragraph>
            </EmptyState>
          ) : (
            <DataTable<Team>
              caption={t('tableCaption')}
              captionHidden
              rows={list}
              rowKey={(team) => team.id}
              columns={[
                { header: t('name'), cell: (team) => <AppLink to={`/beheer/teams/${team.id}`}>{team.name}</AppLink> },
                { header: t('description'), cell: (team) => team.description || '–' },
                {
                  header: t('members'),
                  cell: (team) =>
                    team.memberIds.length === 0 ? (
                      <span className="plein-muted">{t('noMembers')}</span>
                    ) : (
                      <>
                        <span className="plein-visually-hidden">
                          {team.memberIds.length === 1 ? t('oneMember') : t('memberCount', { count: team.memberIds.length })}:{' '}
                        </span>
                        {team.memberIds.map(userName).join(', ')}
                      </>
                    ),
                },
              ]}
            />
          )
        }
      </QueryState>
    </>
  );
}

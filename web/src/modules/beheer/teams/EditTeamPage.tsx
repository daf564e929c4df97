import type { Team, User } from '@contracts/users';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ProblemError } from '../../../app/api-client';
import { commonMessages } from '../../../app/common-messages';
import { useMessages } from '../../../app/i18n';
import { Alert, AppLink, ConfirmButton, Heading, PageHeader, Paragraph, QueryState } from '../../../ui';
import { teamsQueryKey, useUsers } from '../organisation-queries';
import { TeamForm, type TeamFormValues } from './TeamForm';
import { teamsMessages } from './teams-messages';

export function EditTeamPage() {
  const { id = '' } = useParams();
  const t = useMessages(teamsMessages);
  const common = useMessages(commonMessages);
  const team = useQuery({ queryKey: [...teamsQueryKey, id], queryFn: () => api.get<Team>(`/api/v1/teams/${id}`), retry: false });
  const users = useUsers();
  const missing = team.error instanceof ProblemError && team.error.status === 404;

  return (
    <div className="plein-narrow">
      <Paragraph>
        <AppLink to="/beheer/teams">{t('backToList')}</AppLink>
      </Paragraph>
      {missing ? (
        <>
          <PageHeader title={common('noAccessTitle')} />
          <Paragraph>{t('notFound')}</Paragraph>
        </>
      ) : (
        <QueryState query={team} loadingLabel={t('loading')} errorTitle={common('loadFailed')}>
          {(loaded) => (
            <QueryState query={users} loadingLabel={common('loading')} errorTitle={common('loadFailed')}>
              {(userList) => <EditTeam key={loaded.id} team={loaded} users={userList} />}
            </QueryState>
          )}
        </QueryState>
      )}
    </div>
  );
}

function EditTeam({ team, users }: { team: Team; users: User[] }) {
  const t = useMessages(teamsMessages);
  const common = useMessages(commonMessages);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const [deleting, setDeleting] = useState(false);

  const save = async (values: TeamFormValues) => {
    setNotice(null);
    const updated = await api.patch<Team>(`/api/v1/teams/${team.id}`, values);
    queryClient.setQueryData([...teamsQueryKey, team.id], updated);
    await queryClient.invalidateQueries({ queryKey: teamsQueryKey, exact: true });
    setNotice({ type: 'ok', text: t('saved') });
  };

  const remove = async () => {
    setDeleting(true);
    try {
      await api.delete(`/api/v1/teams/${team.id}`);
      await queryClient.invalidateQueries({ queryKey: teamsQueryKey, exact: true });
      navigate('/beheer/teams', { state: { flash: t('deleted', { name: team.name }) } });
    } catch (error) {
      setNotice({ type: 'error', text: error instanceof ProblemError ? error.message : String(error) });
      setDeleting(false);
    }
  };

  return (
    <>
      <PageHeader title={t('editTitle', { name: team.name })} />
      {notice && <Alert type={notice.type}>{notice.text}</Alert>}
      <TeamForm mode="edit" initial={{ name: team.name, description: team.description, memberIds: team.memberIds }} users={users} onSubmit={save} />
      <section className="plein-section plein-danger-zone" aria-labelledby="team-verwijderen">
        <Heading level={2} id="team-verwijderen">
          {t('dangerHeading')}
        </Heading>
        <ConfirmButton
          label={t('delete')}
          question={t('deleteQuestion', { name: team.name })}
          confirmLabel={t('deleteConfirm')}
          cancelLabel={common('cancel')}
          busy={deleting}
          onConfirm={remove}
        />
      </section>
    </>
  );
}

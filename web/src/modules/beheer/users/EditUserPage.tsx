import type { Municipality } from '@contracts/organisation';
import type { User } from '@contracts/users';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, ProblemError } from '../../../app/api-client';
import { commonMessages } from '../../../app/common-messages';
import { formatDate } from '../../../app/format';
import { useMessages } from '../../../app/i18n';
import { Alert, AppLink, Button, ConfirmButton, DataList, Heading, PageHeader, Paragraph, QueryState, StatusBadge } from '../../../ui';
import { useOrganisation, usersQueryKey } from '../organisation-queries';
import { UserForm, type UserFormValues } from './UserForm';
import { usersMessages } from './users-messages';

export function EditUserPage() {
  const { id = '' } = useParams();
  const t = useMessages(usersMessages);
  const common = useMessages(commonMessages);
  const user = useQuery({ queryKey: [...usersQueryKey, id], queryFn: () => api.get<User>(`/api/v1/users/${id}`), retry: false });
  const organisation = useOrganisation();

  return (
    <div className="plein-narrow">
      <Paragraph>
        <AppLink to="/beheer/gebruikers">{t('backToList')}</AppLink>
      </Paragraph>
      <QueryState query={user} loadingLabel={t('loading')} errorTitle={t('notFound')}>
        {(loaded) => (
          <QueryState query={organisation} loadingLabel={common('loading')} errorTitle={common('loadFailed')}>
            {(org) => <EditUser key={loaded.id} user={loaded} municipalities={org.municipalities} />}
          </QueryState>
        )}
      </QueryState>
    </div>
  );
}

function EditUser({ user, municipalities }: { user: User; municipalities: Municipality[] }) {
  const t = useMessages(usersMessages);
  const common = useMessages(commonMessages);
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const [statusBusy, setStatusBusy] = useState(false);

  const patch = async (changes: Partial<Pick<User, 'name' | 'initials' | 'roles' | 'municipalityIds' | 'active'>>) => {
    const updated = await api.patch<User>(`/api/v1/users/${user.id}`, changes);
    queryClient.setQueryData([...usersQueryKey, user.id], updated);
    await queryClient.invalidateQueries({ queryKey: usersQueryKey, exact: true });
    return updated;
  };

  const save = async (values: UserFormValues) => {
    setNotice(null);
    await patch({
      name: values.name.trim(),
      initials: values.initials.trim() || null,
      roles: values.roles,
      municipalityIds: values.municipalityIds,
    });
    setNotice({ type: 'ok', text: t('saved') });
  };

  const setActive = async (active: boolean) => {
    setStatusBusy(true);
    setNotice(null);
    try {
      await patch({ active });
      setNotice({ type: 'ok', text: active ? t('unblockDone') : t('blockDone') });
    } catch (error) {
      setNotice({ type: 'error', text: error instanceof ProblemError ? error.message : String(error) });
    } finally {
      setStatusBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={user.name} documentTitle={t('editUser', { name: user.name })} lead={<Paragraph lead>{t('editLead')}</Paragraph>} />
      {notice && <Alert type={notice.type}>{notice.text}</Alert>}
      <DataList
        items={[
          { key: t('email'), value: <span className="plein-break">{user.email}</span> },
          { key: t('status'), value: <StatusBadge tone={user.active ? 'ok' : 'error'}>{user.active ? t('active') : t('blocked')}</StatusBadge> },
          { key: t('signInMethods'), value: user.signInMethods.join(', ') || '–' },
          { key: t('createdAt'), value: formatDate(user.createdAt) },
        ]}
      />
      <UserForm
        mode="edit"
        initial={{ name: user.name, email: user.email, initials: user.initials ?? '', roles: user.roles, municipalityIds: user.municipalityIds, password: '' }}
        municipalities={municipalities}
        onSubmit={save}
      />
      <section className="plein-section plein-danger-zone" aria-labelledby="toegang">
        <Heading level={2} id="toegang">
          {t('accessHeading')}
        </Heading>
        {user.active ? (
          <ConfirmButton
            label={t('block')}
            question={t('blockQuestion', { name: user.name })}
            confirmLabel={t('blockConfirm')}
            cancelLabel={common('cancel')}
            busy={statusBusy}
            onConfirm={() => setActive(false)}
          />
        ) : (
          <>
            <Paragraph>{t('blockedNotice')}</Paragraph>
            <Button busy={statusBusy} onClick={() => void setActive(true)}>
              {t('unblock')}
            </Button>
          </>
        )}
      </section>
    </>
  );
}

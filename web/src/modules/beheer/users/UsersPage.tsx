import type { User } from '@contracts/users';
import { useLocation } from 'react-router';
import { useAuth } from '../../../app/auth-context';
import { useMessages } from '../../../app/i18n';
import { Alert, AppLink, ButtonLink, DataTable, EmailAddress, EmptyState, PageHeader, Paragraph, QueryState, StatusBadge } from '../../../ui';
import { useOrganisation, useUsers } from '../organisation-queries';
import { useRoleLabel } from '../roles';
import { usersMessages } from './users-messages';

export function UsersPage() {
  const t = useMessages(usersMessages);
  const roleLabel = useRoleLabel();
  const { me } = useAuth();
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  const users = useUsers();
  const organisation = useOrganisation();
  const municipalityName = (id: string) => organisation.data?.municipalities.find((m) => m.id === id)?.name ?? '…';

  return (
    <>
      <PageHeader
        title={t('title')}
        lead={<Paragraph lead>{t('lead')}</Paragraph>}
        actions={<ButtonLink to="/beheer/gebruikers/nieuw">{t('newUser')}</ButtonLink>}
      />
      {flash && <Alert type="ok">{flash}</Alert>}
      <QueryState query={users} loadingLabel={t('loading')} errorTitle={t('title')}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('emptyTitle')}>
              <Paragraph>{t('emptyText')}</Paragraph>
            </EmptyState>
          ) : (
            <DataTable<User>
              caption={t('tableCaption', { organisation: me?.organisation.name ?? '' })}
              captionHidden
              rows={list}
              rowKey={(user) => user.id}
              columns={[
                {
                  header: t('name'),
                  cell: (user) => <AppLink to={`/beheer/gebruikers/${user.id}`}>{user.name}</AppLink>,
                },
                { header: t('email'), cell: (user) => <EmailAddress value={user.email} /> },
                { header: t('roles'), cell: (user) => user.roles.map(roleLabel).join(', ') },
                { header: t('municipalities'), cell: (user) => user.municipalityIds.map(municipalityName).join(', ') || '–' },
                {
                  header: t('status'),
                  cell: (user) => <StatusBadge tone={user.active ? 'ok' : 'error'}>{user.active ? t('active') : t('blocked')}</StatusBadge>,
                },
              ]}
            />
          )
        }
      </QueryState>
    </>
  );
}

import type { User } from '@contracts/users';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../../app/api-client';
import { commonMessages } from '../../../app/common-messages';
import { useMessages } from '../../../app/i18n';
import { AppLink, PageHeader, Paragraph, QueryState } from '../../../ui';
import { useOrganisation, usersQueryKey } from '../organisation-queries';
import { emptyUserForm, UserForm, type UserFormValues } from './UserForm';
import { usersMessages } from './users-messages';

export function NewUserPage() {
  const t = useMessages(usersMessages);
  const common = useMessages(commonMessages);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const organisation = useOrganisation();

  const create = async (values: UserFormValues) => {
    const user = await api.post<User>('/api/v1/users', {
      name: values.name.trim(),
      email: values.email.trim(),
      roles: values.roles,
      municipalityIds: values.municipalityIds,
      ...(values.initials.trim() && { initials: values.initials.trim() }),
      ...(values.password && { password: values.password }),
    });
    await queryClient.invalidateQueries({ queryKey: usersQueryKey });
    navigate('/beheer/gebruikers', { state: { flash: t('created', { name: user.name }) } });
  };

  return (
    <div className="plein-narrow">
      <Paragraph>
        <AppLink to="/beheer/gebruikers">{t('backToList')}</AppLink>
      </Paragraph>
      <PageHeader title={t('newTitle')} lead={<Paragraph lead>{t('newLead')}</Paragraph>} />
      <QueryState query={organisation} loadingLabel={common('loading')} errorTitle={common('loadFailed')}>
        {(data) => <UserForm mode="create" initial={emptyUserForm} municipalities={data.municipalities} onSubmit={create} />}
      </QueryState>
    </div>
  );
}

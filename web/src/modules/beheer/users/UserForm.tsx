import type { Municipality } from '@contracts/organisation';
import { useState } from 'react';
import { commonMessages } from '../../../app/common-messages';
import { useMessages } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/use-form-submit';
import { Button, CheckboxGroup, FormProblem, TextField } from '../../../ui';
import { ROLES, type Role, useRoleLabel } from '../roles';
import { usersMessages } from './users-messages';

export interface UserFormValues {
  name: string;
  email: string;
  initials: string;
  roles: Role[];
  municipalityIds: string[];
  password: string;
}

export const emptyUserForm: UserFormValues = { name: '', email: '', initials: '', roles: [], municipalityIds: [], password: '' };

// Server codes that belong to one field even though the server reports no invalidParams for them.
const FIELD_OF_CODE: Record<string, keyof UserFormValues> = { 'e-mail-bestaat-al': 'email', 'rol-ontbreekt': 'roles' };

export function UserForm({
  mode,
  initial,
  municipalities,
  onSubmit,
}: {
  mode: 'create' | 'edit';
  initial: UserFormValues;
  municipalities: Municipality[];
  onSubmit: (values: UserFormValues) => Promise<void>;
}) {
  const t = useMessages(usersMessages);
  const common = useMessages(commonMessages);
  const roleLabel = useRoleLabel();
  const [values, setValues] = useState(initial);
  const set =
    <K extends keyof UserFormValues>(key: K) =>
    (value: UserFormValues[K]) =>
      setValues((current) => ({ ...current, [key]: value }));
  const { submit, errors, problem, busy } = useFormSubmit({
    validate: () => {
      const found: Record<string, string> = {};
      if (!values.name.trim()) found.name = common('required');
      if (mode === 'create' && !values.email.trim()) found.email = common('required');
      if (values.roles.length === 0) found.roles = t('noRoles');
      return found;
    },
    send: () => onSubmit(values),
    fieldOfCode: FIELD_OF_CODE,
    renameFields: { municipalityIds: 'municipalities' },
    fields: ['name', 'email', 'initials', 'roles', 'municipalities', 'password'],
  });

  return (
    <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
      <FormProblem title={common('saveFailed')} problem={problem} />
      <TextField label={t('name')} autoComplete="off" value={values.name} onChange={set('name')} error={errors.name} />
      {mode === 'create' && <TextField label={t('email')} type="email" autoComplete="off" value={values.email} onChange={set('email')} error={errors.email} />}
      <TextField
        label={t('initials')}
        description={t('initialsHelp')}
        maxLength={4}
        className="plein-textbox--short"
        value={values.initials}
        onChange={set('initials')}
        error={errors.initials}
      />
      <CheckboxGroup
        legend={t('roles')}
        description={t('rolesHelp')}
        options={ROLES.map((role) => ({ value: role, label: roleLabel(role) }))}
        selected={values.roles}
        onChange={(roles) => set('roles')(roles as Role[])}
        error={errors.roles}
      />
      <CheckboxGroup
        legend={t('municipalities')}
        description={t('municipalitiesHelp')}
        options={municipalities.map((municipality) => ({ value: municipality.id, label: municipality.name }))}
        selected={values.municipalityIds}
        onChange={set('municipalityIds')}
        error={errors.municipalities}
      />
      {mode === 'create' && (
        <TextField
          label={t('password')}
          description={t('passwordHelp')}
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
          error={errors.password}
        />
      )}
      <div className="plein-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {busy ? (mode === 'create' ? t('creating') : common('saving')) : mode === 'create' ? t('create') : common('save')}
        </Button>
      </div>
    </form>
  );
}

import type { User } from '@contracts/users';
import { useState } from 'react';
import { commonMessages } from '../../../app/common-messages';
import { useMessages } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/use-form-submit';
import { Button, CheckboxGroup, FormProblem, Paragraph, TextAreaField, TextField } from '../../../ui';
import { teamsMessages } from './teams-messages';

export interface TeamFormValues {
  name: string;
  description: string;
  memberIds: string[];
}

const FIELD_OF_CODE: Record<string, keyof TeamFormValues> = { 'team-bestaat-al': 'name', 'onbekende-gebruiker': 'memberIds' };

export function TeamForm({
  mode,
  initial,
  users,
  onSubmit,
}: {
  mode: 'create' | 'edit';
  initial: TeamFormValues;
  users: User[];
  onSubmit: (values: TeamFormValues) => Promise<void>;
}) {
  const t = useMessages(teamsMessages);
  const common = useMessages(commonMessages);
  const [values, setValues] = useState(initial);
  const { submit, errors, problem, busy } = useFormSubmit({
    validate: (): Record<string, string> => (values.name.trim() ? {} : { name: common('required') }),
    send: () => onSubmit({ ...values, name: values.name.trim() }),
    fieldOfCode: FIELD_OF_CODE,
    fields: ['name', 'description', 'memberIds'],
  });

  return (
    <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
      <FormProblem title={common('saveFailed')} problem={problem} />
      <TextField label={t('name')} value={values.name} onChange={(name) => setValues({ ...values, name })} error={errors.name} />
      <TextAreaField
        label={t('description')}
        description={t('descriptionHelp')}
        rows={3}
        value={values.description}
        onChange={(description) => setValues({ ...values, description })}
        error={errors.description}
      />
      {users.length === 0 ? (
        <Paragraph>{t('noUsersToAdd')}</Paragraph>
      ) : (
        <CheckboxGroup
          legend={t('members')}
          description={t('membersHelp')}
          options={users.map((user) => ({ value: user.id, label: user.active ? user.name : `${user.name} (${user.email})` }))}
          selected={values.memberIds}
          onChange={(memberIds) => setValues({ ...values, memberIds })}
          error={errors.memberIds}
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

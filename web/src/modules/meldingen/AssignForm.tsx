import type { MeldingCategory } from '@contracts/meldingen';
import { useState } from 'react';
import { api } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Alert, Button, FormProblem, Heading, SelectField } from '../../ui';
import { useTeams, useUsers } from '../beheer/organisation-queries';
import { meldingenMessages } from './meldingen-messages';
import type { MeldingDetail } from './meldingen-queries';

// Department, team, person and category in one form; only what changed is sent.
export function AssignForm({
  melding,
  categories,
  onUpdated,
}: {
  melding: MeldingDetail;
  categories: MeldingCategory[];
  onUpdated: (next: MeldingDetail) => Promise<void>;
}) {
  const t = useMessages(meldingenMessages);
  const teams = useTeams();
  const users = useUsers();
  const [department, setDepartment] = useState(melding.assignedDepartment ?? '');
  const [teamId, setTeamId] = useState(melding.assignedTeamId ?? '');
  const [userId, setUserId] = useState(melding.assignedUserId ?? '');
  const [categoryId, setCategoryId] = useState(melding.categoryId);
  const [notice, setNotice] = useState<string | null>(null);
  // A melding goes into a subcategory (or a main category without subcategories), as residents choose.
  const selectable = categories.filter((c) => c.active && (c.parentId !== null || !categories.some((child) => child.parentId === c.id)));
  const mainName = (c: MeldingCategory) => categories.find((main) => main.id === c.parentId)?.publicName;
  // The departments are the ones the categories name (Beheer → Meldingcategorieën).
  const departments = [...new Set(categories.flatMap((c) => c.departments))].sort((a, b) => a.localeCompare(b, 'nl'));

  const { submit, errors, problem, busy } = useFormSubmit({
    onStart: () => setNotice(null),
    validate: () => ({}),
    send: async () => {
      const change = {
        ...(department !== (melding.assignedDepartment ?? '') && { assignedDepartment: department || null }),
        ...(teamId !== (melding.assignedTeamId ?? '') && { assignedTeamId: teamId || null }),
        ...(userId !== (melding.assignedUserId ?? '') && { assignedUserId: userId || null }),
        ...(categoryId !== melding.categoryId && { categoryId }),
      };
      if (Object.keys(change).length === 0) {
        setNotice(t('nothingChanged'));
        return;
      }
      const next = await api.patch<MeldingDetail>(`/api/v1/meldingen/${melding.id}`, change);
      setNotice(t('assigned_ok'));
      await onUpdated(next);
    },
    renameFields: { assignedDepartment: 'department', assignedTeamId: 'team', assignedUserId: 'person', categoryId: 'category' },
    fields: ['department', 'team', 'person', 'category'],
  });

  return (
    <div className="plein-melding-action">
      <Heading level={3}>{t('assignHeading')}</Heading>
      {notice && <Alert type={notice === t('nothingChanged') ? 'info' : 'ok'}>{notice}</Alert>}
      <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
        <FormProblem title={t('saveFailed')} problem={problem} />
        <SelectField
          label={t('department')}
          value={department}
          onChange={setDepartment}
          error={errors.department}
          options={[{ value: '', label: t('nobody') }, ...departments.map((name) => ({ value: name, label: name }))]}
        />
        <SelectField
          label={t('team')}
          value={teamId}
          onChange={setTeamId}
          error={errors.team}
          options={[{ value: '', label: t('nobody') }, ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))]}
        />
        <SelectField
          label={t('person')}
          value={userId}
          onChange={setUserId}
          error={errors.person}
          options={[
            { value: '', label: t('nobody') },
            ...(users.data ?? []).filter((user) => user.active).map((user) => ({ value: user.id, label: user.name })),
          ]}
        />
        <SelectField
          label={t('category')}
          value={categoryId}
          onChange={setCategoryId}
          error={errors.category}
          options={(selectable.some((c) => c.id === melding.categoryId)
            ? selectable
            : [{ id: melding.categoryId, publicName: melding.categoryName, parentId: null } as MeldingCategory, ...selectable]
          ).map((c) => ({
            value: c.id,
            label: mainName(c) ? `${mainName(c)} – ${c.publicName}` : c.publicName,
          }))}
        />
        <div className="plein-form__actions">
          <Button type="submit" busy={busy}>
            {t('assignSubmit')}
          </Button>
        </div>
      </form>
    </div>
  );
}

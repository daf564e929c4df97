import type { MeldingCategory } from '@contracts/meldingen';
import { CLOSED_MELDING_STATUSES } from '@contracts/meldingen';
import { useState } from 'react';
import { api } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Alert, Button, FormProblem, Heading, Paragraph, SelectField, TextAreaField } from '../../ui';
import { meldingenMessages } from './meldingen-messages';
import type { MeldingDetail } from './meldingen-queries';

// One part at a time: its category and what it is about. The new melding keeps the place, photos and reporter.
export function SplitForm({
  melding,
  categories,
  onUpdated,
}: {
  melding: MeldingDetail;
  categories: MeldingCategory[];
  onUpdated: (next: MeldingDetail) => Promise<void>;
}) {
  const t = useMessages(meldingenMessages);
  const [categoryId, setCategoryId] = useState('');
  const [description, setDescription] = useState('');
  const [done, setDone] = useState(false);
  const selectable = categories.filter((c) => c.active && (c.parentId !== null || !categories.some((child) => child.parentId === c.id)));
  const mainName = (c: MeldingCategory) => categories.find((main) => main.id === c.parentId)?.publicName;

  const { submit, errors, problem, busy } = useFormSubmit({
    onStart: () => setDone(false),
    validate: () => ({
      ...(!categoryId && { category: t('chooseOne') }),
      ...(description.trim().length < 5 && { description: t('tooShort') }),
    }),
    send: async () => {
      const next = await api.post<MeldingDetail>(`/api/v1/meldingen/${melding.id}/split`, { parts: [{ categoryId, description: description.trim() }] });
      setCategoryId('');
      setDescription('');
      setDone(true);
      await onUpdated(next);
    },
    renameFields: { 'parts.0.categoryId': 'category', 'parts.0.description': 'description' },
    fields: ['category', 'description'],
  });

  if (melding.mergedInto || CLOSED_MELDING_STATUSES.includes(melding.status)) return null;
  return (
    <div className="plein-melding-action">
      <Heading level={3}>{t('splitHeading')}</Heading>
      <Paragraph className="plein-muted">{t('splitHelp')}</Paragraph>
      {done && <Alert type="ok">{t('splitDone')}</Alert>}
      <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
        <FormProblem title={t('saveFailed')} problem={problem} />
        <SelectField
          label={t('category')}
          value={categoryId}
          onChange={setCategoryId}
          error={errors.category}
          options={[
            { value: '', label: t('chooseOne') },
            ...selectable.map((c) => ({ value: c.id, label: mainName(c) ? `${mainName(c)} – ${c.publicName}` : c.publicName })),
          ]}
        />
        <TextAreaField label={t('splitDescription')} rows={3} value={description} onChange={setDescription} error={errors.description} />
        <div className="plein-form__actions">
          <Button type="submit" busy={busy}>
            {t('splitSubmit')}
          </Button>
        </div>
      </form>
    </div>
  );
}

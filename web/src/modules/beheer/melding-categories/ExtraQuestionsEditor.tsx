import type { ExtraQuestion, MeldingCategory } from '@contracts/meldingen';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../app/api-client';
import { useMessages } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/use-form-submit';
import { Alert, Button, CheckboxField, FormProblem, Heading, Paragraph, SelectField, TextField } from '../../../ui';
import { meldingCategoriesMessages } from './melding-categories-messages';
import { meldingCategoriesQueryKey } from './melding-category-queries';

interface Draft {
  // Identifies the row while it is edited (a new question has no key yet), so removing one keeps the others' fields.
  rowId: number;
  key: string;
  label: string;
  type: ExtraQuestion['type'];
  required: boolean;
  choices: string;
}

let lastRowId = 0;
const nextRowId = () => {
  lastRowId += 1;
  return lastRowId;
};

const toDraft = (question: ExtraQuestion): Draft => ({ ...question, rowId: nextRowId(), choices: (question.choices ?? []).join(', ') });

// A stable key from the question's words ("Is er gevaar?" → is_er_gevaar); answers are stored under it,
// so an existing question keeps the key it has.
export function deriveKeyFromLabel(label: string, taken: string[]): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .replace(/^[^a-z]+/, '')
      .slice(0, 36) || 'vraag';
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}_${n}`;
  return key;
}

// The questions a resident answers for this category, up to 10; saved together, separately from the category's other fields.
export function ExtraQuestionsEditor({ category }: { category: MeldingCategory }) {
  const t = useMessages(meldingCategoriesMessages);
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<Draft[]>(category.extraQuestions.map(toDraft));
  const [saved, setSaved] = useState(false);
  const change = (index: number, patch: Partial<Draft>) => setDrafts((current) => current.map((draft, i) => (i === index ? { ...draft, ...patch } : draft)));

  const { submit, errors, problem, busy } = useFormSubmit({
    onStart: () => setSaved(false),
    validate: () => {
      const found: Record<string, string> = {};
      drafts.forEach((draft, index) => {
        if (!draft.label.trim()) found[`extraQuestions.${index}.label`] = t('questionLabelRequired');
        if (draft.type === 'choice' && draft.choices.split(',').filter((choice) => choice.trim()).length < 2)
          found[`extraQuestions.${index}.choices`] = t('questionChoicesTooFew');
      });
      return found;
    },
    send: async () => {
      const extraQuestions = drafts.map((draft, index) => ({
        key:
          draft.key ||
          deriveKeyFromLabel(
            draft.label,
            drafts.filter((_, i) => i !== index).map((other) => other.key),
          ),
        label: draft.label.trim(),
        type: draft.type,
        required: draft.required,
        ...(draft.type === 'choice' && {
          choices: draft.choices
            .split(',')
            .map((choice) => choice.trim())
            .filter(Boolean),
        }),
      }));
      const updated = await api.patch<MeldingCategory>(`/api/v1/melding-categories/${category.id}`, { extraQuestions });
      setDrafts(updated.extraQuestions.map(toDraft));
      queryClient.setQueryData<MeldingCategory[]>(meldingCategoriesQueryKey, (list) => list?.map((item) => (item.id === updated.id ? updated : item)));
      await queryClient.invalidateQueries({ queryKey: ['melding-categories'] });
      setSaved(true);
    },
    fields: drafts.flatMap((_, index) => [`extraQuestions.${index}.label`, `extraQuestions.${index}.choices`]),
  });

  return (
    <section className="plein-section" aria-labelledby="extra-vragen">
      <Heading level={2} id="extra-vragen">
        {t('extraQuestionsHeading')}
      </Heading>
      <Paragraph className="plein-muted">{t('extraQuestionsHelp')}</Paragraph>
      {saved && <Alert type="ok">{t('extraQuestionsSaved')}</Alert>}
      <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
        <FormProblem title={t('extraQuestionsSaveFailed')} problem={problem} />
        {drafts.length === 0 && <Paragraph>{t('noExtraQuestions')}</Paragraph>}
        {drafts.map((draft, index) => (
          <fieldset key={draft.rowId} className="plein-fieldset plein-question">
            <legend>{t('questionNumber', { number: index + 1 })}</legend>
            <TextField
              label={t('questionLabel')}
              value={draft.label}
              onChange={(label) => change(index, { label })}
              error={errors[`extraQuestions.${index}.label`]}
            />
            <SelectField
              label={t('questionType')}
              value={draft.type}
              onChange={(type) => change(index, { type: type as Draft['type'] })}
              options={(['text', 'choice', 'yesno'] as const).map((type) => ({ value: type, label: t(`questionType.${type}`) }))}
            />
            {draft.type === 'choice' && (
              <TextField
                label={t('questionChoicesLabel')}
                description={t('questionChoicesHelp')}
                value={draft.choices}
                onChange={(choices) => change(index, { choices })}
                error={errors[`extraQuestions.${index}.choices`]}
              />
            )}
            <CheckboxField label={t('questionRequiredLabel')} checked={draft.required} onChange={(required) => change(index, { required })} />
            <Button type="button" onClick={() => setDrafts((current) => current.filter((_, i) => i !== index))}>
              {t('questionRemove', { number: index + 1 })}
            </Button>
          </fieldset>
        ))}
        <div className="plein-form__actions plein-row-actions">
          {drafts.length < 10 && (
            <Button
              type="button"
              onClick={() => setDrafts((current) => [...current, { rowId: nextRowId(), key: '', label: '', type: 'text', required: false, choices: '' }])}
            >
              {t('questionAdd')}
            </Button>
          )}
          <Button type="submit" appearance="primary" busy={busy}>
            {t('extraQuestionsSave')}
          </Button>
        </div>
      </form>
    </section>
  );
}

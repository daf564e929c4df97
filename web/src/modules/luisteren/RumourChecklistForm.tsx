import { CHECKLIST_STEPS, type ChecklistStep, RUMOUR_STATUSES, type RumourDetail, type RumourStatus } from '@contracts/rumours';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Alert, Button, CheckboxField, FormProblem, Heading, Paragraph, SelectField, TextAreaField, TextField } from '../../ui';
import { rumourMessages } from './rumour-messages';
import { rumoursKey } from './rumour-queries';

type Checklist = RumourDetail['checklist'];

// Title, status and the four verification questions, saved together: the analyst's judgement in one place.
export function RumourChecklistForm({ rumour }: { rumour: RumourDetail }) {
  const t = useMessages(rumourMessages);
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(rumour.title);
  const [status, setStatus] = useState<RumourStatus>(rumour.status);
  const [checklist, setChecklist] = useState<Checklist>(rumour.checklist);
  const [saved, setSaved] = useState(false);
  const change = (step: ChecklistStep, part: Partial<Checklist[ChecklistStep]>) =>
    setChecklist((current) => ({ ...current, [step]: { ...current[step], ...part } }));
  const form = useFormSubmit({
    onStart: () => setSaved(false),
    fields: ['title', 'status', ...CHECKLIST_STEPS.map((step) => `checklist.${step}.note`)],
    validate: (): Record<string, string> => (title.trim() ? {} : { title: t('titleField') }),
    send: async () => {
      await api.patch(`/api/v1/geruchten/${rumour.id}`, { title: title.trim(), status, checklist });
      await queryClient.invalidateQueries({ queryKey: rumoursKey });
      setSaved(true);
    },
  });
  return (
    <section className="plein-section" aria-labelledby="controle-heading">
      <Heading level={2} id="controle-heading">
        {t('checkHeading')}
      </Heading>
      <Paragraph>{t('checkLead')}</Paragraph>
      <form className="utrecht-form plein-form" onSubmit={(event) => void form.submit(event)} noValidate>
        <FormProblem title={t('saveFailed')} problem={form.problem} />
        <TextField label={t('titleField')} value={title} onChange={setTitle} error={form.errors.title} maxLength={200} />
        <SelectField
          label={t('statusField')}
          value={status}
          onChange={(value) => setStatus(value as RumourStatus)}
          options={RUMOUR_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
          error={form.errors.status}
        />
        {CHECKLIST_STEPS.map((step) => (
          <fieldset key={step} className="utrecht-form-fieldset plein-rumour-step">
            <legend className="utrecht-form-fieldset__legend">{t(`step.${step}`)}</legend>
            <CheckboxField
              label={`${t('checked')}: ${t(`short.${step}`)}`}
              checked={checklist[step].checked}
              onChange={(checked) => change(step, { checked })}
            />
            <TextAreaField
              label={t('note', { step: t(`short.${step}`) })}
              rows={2}
              maxLength={2000}
              value={checklist[step].note}
              onChange={(note) => change(step, { note })}
              error={form.errors[`checklist.${step}.note`]}
            />
          </fieldset>
        ))}
        <div className="plein-form__actions">
          <Button type="submit" appearance="primary" busy={form.busy}>
            {t('save')}
          </Button>
        </div>
        <div aria-live="polite">
          {saved && (
            <Alert type="ok">
              <Paragraph>{t('saved')}</Paragraph>
            </Alert>
          )}
        </div>
      </form>
    </section>
  );
}

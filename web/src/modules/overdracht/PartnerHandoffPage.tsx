import type { partnerHandoffViewSchema } from '@contracts/handoff';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useParams } from 'react-router';
import type { z } from 'zod';
import { api } from '../../app/api-client';
import { formatDate } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { createKeyPerContent } from '../../app/idempotency';
import { useFormSubmit } from '../../app/use-form-submit';
import { Alert, Button, FormProblem, Heading, Loading, PageHeader, Paragraph, PublicLinkError, TextAreaField } from '../../ui';
import { overdrachtMessages } from './overdracht-messages';
import './overdracht.css';

type View = z.infer<typeof partnerHandoffViewSchema>;
const CHOICES = ['in-behandeling', 'afgehandeld', 'teruggegeven'] as const;
type Choice = (typeof CHOICES)[number];

// The link in the e-mail to an outside partner: the question, and what the partner does with it. No account.
export function PartnerHandoffPage() {
  const { slug = '', token = '' } = useParams();
  const t = useMessages(overdrachtMessages);
  const url = `/api/v1/organisations/${encodeURIComponent(slug)}/handoffs/${encodeURIComponent(token)}`;
  const key = ['overdracht', slug, token];
  const view = useQuery({ queryKey: key, queryFn: () => api.get<View>(url), retry: false });
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);

  if (view.isPending) return <Loading label={t('loading')} />;
  if (view.isError) {
    const texts = {
      expiredTitle: t('expiredTitle'),
      expiredText: t('expiredText'),
      notFoundTitle: t('notFoundTitle'),
      notFoundText: t('notFoundText'),
      loadFailed: t('loadFailed'),
    };
    return <PublicLinkError error={view.error} texts={texts} />;
  }
  const data = view.data;
  const final = data.status === 'afgehandeld' || data.status === 'teruggegeven';
  return (
    <div className="plein-narrow">
      <PageHeader
        title={t('title')}
        documentTitle={t('documentTitle')}
        lead={
          <Paragraph lead>
            {t('lead', { partner: data.partnerName, organisation: data.organisation, municipality: data.municipality, channel: data.channel })}
          </Paragraph>
        }
      />
      <section className="plein-section" aria-labelledby="vraag">
        <Heading level={2} id="vraag">
          {t('question')}
        </Heading>
        <p className="utrecht-paragraph plein-overdracht-question">{data.question}</p>
        {data.context && (
          <>
            <Heading level={3}>{t('context')}</Heading>
            <p className="utrecht-paragraph plein-overdracht-question">{data.context}</p>
          </>
        )}
        <Paragraph>
          {t('sentAt', { date: formatDate(data.sentAt) })} {data.dueAt && !final && t('dueAt', { date: formatDate(data.dueAt) })}
        </Paragraph>
        <Paragraph>
          <strong>{t('status', { status: t(`status.${data.status}`) })}</strong>
        </Paragraph>
      </section>
      <div role="status">{saved && <Alert type="ok">{t('saved')}</Alert>}</div>
      {final ? (
        <section className="plein-section" aria-labelledby="antwoord">
          <Heading level={2} id="antwoord">
            {t('yourAnswer')}
          </Heading>
          {data.answer && <p className="utrecht-paragraph plein-overdracht-question">{data.answer}</p>}
          <Paragraph>{t('finalText')}</Paragraph>
        </section>
      ) : (
        <AnswerForm
          url={url}
          current={data.status}
          onSaved={(next) => {
            queryClient.setQueryData(key, next);
            setSaved(true);
          }}
        />
      )}
    </div>
  );
}

function AnswerForm({ url, current, onSaved }: { url: string; current: View['status']; onSaved: (next: View) => void }) {
  const t = useMessages(overdrachtMessages);
  const id = useId();
  const [choice, setChoice] = useState<Choice | null>(null);
  const [answer, setAnswer] = useState('');
  const [keyFor] = useState(createKeyPerContent);
  const choices = CHOICES.filter((value) => !(value === 'in-behandeling' && current === 'in-behandeling'));
  const needsAnswer = choice !== null && choice !== 'in-behandeling';

  const { submit, errors, problem, busy } = useFormSubmit({
    validate: (): Record<string, string> => ({
      ...(choice === null && { status: t('choiceRequired') }),
      ...(needsAnswer && !answer.trim() && { answer: t('answerRequired') }),
    }),
    send: async () => {
      const body = { status: choice, ...(answer.trim() && { answer: answer.trim() }) };
      onSaved(await api.post<View>(url, body, { idempotencyKey: keyFor(body) }));
      setAnswer('');
      setChoice(null);
    },
    fields: ['status', 'answer'],
  });
  const error = errors.status;

  return (
    <form className="utrecht-form plein-form" onSubmit={submit} noValidate aria-busy={busy || undefined}>
      <FormProblem title={t('sendFailed')} problem={problem} />
      <Paragraph className="plein-muted">{t('requiredNote')}</Paragraph>
      <div className={['utrecht-form-fieldset', 'utrecht-form-fieldset--distanced', error && 'utrecht-form-fieldset--invalid'].filter(Boolean).join(' ')}>
        <fieldset
          className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset plein-fieldset"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-fout` : undefined}
        >
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('choice')}</legend>
          {error && (
            <div id={`${id}-fout`} className="utrecht-form-field-error-message plein-field-error">
              {error}
            </div>
          )}
          {choices.map((value) => (
            <div key={value} className="plein-overdracht-radio">
              <input
                id={`${id}-${value}`}
                type="radio"
                className="utrecht-radio-button utrecht-radio-button--html-input"
                name={`${id}-keuze`}
                checked={choice === value}
                onChange={() => setChoice(value)}
              />
              <label htmlFor={`${id}-${value}`} className="utrecht-form-label utrecht-form-label--radio-button">
                {t(`choice.${value}`)}
              </label>
            </div>
          ))}
        </fieldset>
      </div>
      <TextAreaField
        label={needsAnswer ? t('answer') : t('answerOptional')}
        description={t('answerHelp')}
        rows={5}
        maxLength={5_000}
        value={answer}
        onChange={setAnswer}
        error={errors.answer}
      />
      <div className="plein-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {busy ? t('sending') : t('submit')}
        </Button>
      </div>
    </form>
  );
}

import type { ToneCode } from '@contracts/knowledge';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../app/api-client';
import { useMessages } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/use-form-submit';
import { Alert, Button, ButtonGroup, FormProblem, PageHeader, Paragraph, QueryState, TextField } from '../../../ui';
import { KnowledgeTabs } from './KnowledgeTabs';
import { knowledgeMessages } from './knowledge-messages';
import { knowledgeQueryKey, useToneCode } from './knowledge-queries';
import './knowledge.css';

export function ToneCodePage() {
  const t = useMessages(knowledgeMessages);
  const toneCode = useToneCode();
  return (
    <>
      <PageHeader title={t('title')} documentTitle={`${t('toneCode')} – ${t('title')}`} lead={<Paragraph lead>{t('toneLead')}</Paragraph>} />
      <KnowledgeTabs />
      <QueryState query={toneCode} loadingLabel={t('loading')} errorTitle={t('toneCode')}>
        {(code) => <ToneCodeForm code={code} />}
      </QueryState>
    </>
  );
}

function ToneCodeForm({ code }: { code: ToneCode }) {
  const t = useMessages(knowledgeMessages);
  const queryClient = useQueryClient();
  const [questions, setQuestions] = useState(code.questions);
  const [saved, setSaved] = useState(false);
  const change = (index: number, value: string) => setQuestions((current) => current.map((question, i) => (i === index ? value : question)));

  const { submit, errors, problem, busy } = useFormSubmit({
    onStart: () => setSaved(false),
    validate: () => Object.fromEntries(questions.flatMap((question, index) => (question.trim() ? [] : [[`questions.${index}`, t('required')]]))),
    send: async () => {
      const next = await api.put<ToneCode>('/api/v1/tone-code', { questions: questions.map((question) => question.trim()) });
      queryClient.setQueryData([...knowledgeQueryKey, 'toonkader'], next);
      setSaved(true);
    },
  });

  return (
    <form className="utrecht-form plein-form plein-narrow" onSubmit={submit} noValidate aria-label={t('toneQuestions')}>
      <div role="status">{saved && <Alert type="ok">{t('toneSaved')}</Alert>}</div>
      {code.isDefault && <Paragraph className="plein-muted">{t('toneDefault')}</Paragraph>}
      <FormProblem title={t('toneSaveFailed')} problem={problem} />
      {questions.map((question, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the questions have no identity of their own; position is what they are
        <div key={index} className="plein-tone-question">
          <TextField
            label={t('toneQuestion', { number: index + 1 })}
            value={question}
            onChange={(value) => change(index, value)}
            error={errors[`questions.${index}`] ?? (index === 0 ? errors.questions : undefined)}
            maxLength={200}
          />
          {questions.length > 1 && (
            <Button appearance="subtle" onClick={() => setQuestions((current) => current.filter((_, i) => i !== index))}>
              {t('toneRemove', { number: index + 1 })}
            </Button>
          )}
        </div>
      ))}
      <ButtonGroup>
        {questions.length < 10 && <Button onClick={() => setQuestions((current) => [...current, ''])}>{t('toneAdd')}</Button>}
        <Button type="submit" appearance="primary" busy={busy}>
          {t('save')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

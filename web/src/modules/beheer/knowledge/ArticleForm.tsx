import { type KnowledgeArticle, REPLY_PLACEHOLDERS } from '@contracts/knowledge';
import { findUnknownPlaceholders } from '@contracts/melding-texts';
import { useState } from 'react';
import { useMe } from '../../../app/auth-context';
import { useMessages } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/use-form-submit';
import { Button, FormProblem, SelectField, TextAreaField, TextField } from '../../../ui';
import { knowledgeMessages } from './knowledge-messages';
import { parseLabels } from './knowledge-queries';

export interface ArticleInput {
  municipalityId: string | null;
  question: string;
  answer: string;
  contact: string;
  link: string | null;
  labels: string[];
}

export const renderPlaceholderHelp = () =>
  Object.entries(REPLY_PLACEHOLDERS)
    .map(([name, meaning]) => `{${name}} ${meaning}`)
    .join('; ');

// One form for a new article and for the next version of one; the server checks the same rules.
export function ArticleForm({ article, onSubmit }: { article?: KnowledgeArticle; onSubmit: (input: ArticleInput) => Promise<void> }) {
  const t = useMessages(knowledgeMessages);
  const me = useMe();
  const [municipalityId, setMunicipalityId] = useState(article?.municipalityId ?? '');
  const [question, setQuestion] = useState(article?.question ?? '');
  const [answer, setAnswer] = useState(article?.answer ?? '');
  const [contact, setContact] = useState(article?.contact ?? '');
  const [link, setLink] = useState(article?.link ?? '');
  const [labels, setLabels] = useState(article?.labels.join(', ') ?? '');

  const { submit, errors, problem, busy } = useFormSubmit({
    validate: () => {
      const unknown = findUnknownPlaceholders(answer, REPLY_PLACEHOLDERS);
      return {
        ...(!question.trim() && { question: t('required') }),
        ...(!answer.trim()
          ? { answer: t('required') }
          : unknown.length > 0 && { answer: t('unknownPlaceholder', { names: unknown.map((found) => `{${found.name}}`).join(', ') }) }),
      };
    },
    send: () =>
      onSubmit({
        municipalityId: municipalityId || null,
        question: question.trim(),
        answer: answer.trim(),
        contact: contact.trim(),
        link: link.trim() || null,
        labels: parseLabels(labels),
      }),
    fields: ['municipalityId', 'question', 'answer', 'contact', 'link', 'labels'],
  });

  return (
    <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
      <FormProblem title={t('saveFailed')} problem={problem} />
      <TextField label={t('question')} description={t('questionHelp')} value={question} onChange={setQuestion} error={errors.question} maxLength={300} />
      <TextAreaField
        label={t('answer')}
        description={t('answerHelp', { list: renderPlaceholderHelp() })}
        rows={6}
        value={answer}
        onChange={setAnswer}
        error={errors.answer}
      />
      <TextField label={t('contact')} description={t('contactHelp')} value={contact} onChange={setContact} error={errors.contact} maxLength={200} />
      <TextField label={t('link')} description={t('linkHelp')} type="url" value={link} onChange={setLink} error={errors.link} />
      <TextField label={t('labels')} description={t('labelsHelp')} value={labels} onChange={setLabels} error={errors.labels} />
      <SelectField
        label={t('municipality')}
        value={municipalityId}
        onChange={setMunicipalityId}
        error={errors.municipalityId}
        options={[{ value: '', label: t('shared') }, ...me.municipalities.map((m) => ({ value: m.id, label: m.name }))]}
      />
      <Button type="submit" appearance="primary" busy={busy}>
        {article ? t('save') : t('add')}
      </Button>
    </form>
  );
}

import { REPLY_PLACEHOLDERS, type ReplyTemplate } from '@contracts/knowledge';
import { findUnknownPlaceholders } from '@contracts/melding-texts';
import { useId, useState } from 'react';
import { api } from '../../../app/api-client';
import { useMe } from '../../../app/auth-context';
import { useMessages } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/use-form-submit';
import { Button, ButtonGroup, FormProblem, Heading, SelectField, TextAreaField, TextField } from '../../../ui';
import { renderPlaceholderHelp } from './ArticleForm';
import { knowledgeMessages } from './knowledge-messages';

export function ReplyTemplateForm({ template, onSaved, onCancel }: { template?: ReplyTemplate; onSaved: () => Promise<void>; onCancel?: () => void }) {
  const t = useMessages(knowledgeMessages);
  const me = useMe();
  const headingId = useId();
  const [title, setTitle] = useState(template?.title ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [municipalityId, setMunicipalityId] = useState(template?.municipalityId ?? '');

  const { submit, errors, problem, busy } = useFormSubmit({
    validate: () => {
      const unknown = findUnknownPlaceholders(body, REPLY_PLACEHOLDERS);
      return {
        ...(!title.trim() && { title: t('required') }),
        ...(!body.trim()
          ? { body: t('required') }
          : unknown.length > 0 && { body: t('unknownPlaceholder', { names: unknown.map((found) => `{${found.name}}`).join(', ') }) }),
      };
    },
    send: async () => {
      const input = { title: title.trim(), body: body.trim(), municipalityId: municipalityId || null };
      if (template) await api.patch(`/api/v1/reply-templates/${template.id}`, input);
      else await api.post('/api/v1/reply-templates', input);
      if (!template) {
        setTitle('');
        setBody('');
      }
      await onSaved();
    },
    fields: ['title', 'body', 'municipalityId'],
  });

  return (
    <section className="plein-section" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {template ? t('editTemplate') : t('newTemplate')}
      </Heading>
      <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
        <FormProblem title={t('saveFailed')} problem={problem} />
        <TextField label={t('templateTitle')} value={title} onChange={setTitle} error={errors.title} maxLength={120} />
        <TextAreaField
          label={t('templateBody')}
          description={t('answerHelp', { list: renderPlaceholderHelp() })}
          rows={4}
          value={body}
          onChange={setBody}
          error={errors.body}
        />
        <SelectField
          label={t('municipality')}
          value={municipalityId}
          onChange={setMunicipalityId}
          error={errors.municipalityId}
          options={[{ value: '', label: t('shared') }, ...me.municipalities.map((m) => ({ value: m.id, label: m.name }))]}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={busy}>
            {t('save')}
          </Button>
          {onCancel && <Button onClick={onCancel}>{t('cancel')}</Button>}
        </ButtonGroup>
      </form>
    </section>
  );
}

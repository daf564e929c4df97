import { findUnknownPlaceholders, MELDING_PLACEHOLDERS, type StandardText } from '@contracts/melding-texts';
import type { MeldingCategory, MeldingStatus } from '@contracts/meldingen';
import { MELDING_STATUS_LABELS } from '@contracts/meldingen';
import { useState } from 'react';
import { api } from '../../../app/api-client';
import { useMessages } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/use-form-submit';
import { Button, ButtonGroup, FormProblem, Heading, SelectField, TextAreaField, TextField } from '../../../ui';
import { standardTextsMessages } from './standard-texts-messages';

const STATUSES = (Object.keys(MELDING_STATUS_LABELS) as MeldingStatus[]).filter((status) => status !== 'gemeld');

// One form for a new text and for changing one; unknown placeholders are caught here as well as on the server.
export function StandardTextForm({
  text,
  categories,
  onSaved,
  onCancel,
}: {
  text?: StandardText;
  categories: MeldingCategory[];
  onSaved: () => Promise<void>;
  onCancel?: () => void;
}) {
  const t = useMessages(standardTextsMessages);
  const [status, setStatus] = useState<string>(text?.status ?? '');
  const [categoryId, setCategoryId] = useState(text?.categoryId ?? '');
  const [title, setTitle] = useState(text?.title ?? '');
  const [body, setBody] = useState(text?.body ?? '');
  const mainName = (c: MeldingCategory) => categories.find((main) => main.id === c.parentId)?.publicName;

  const { submit, errors, problem, busy } = useFormSubmit({
    validate: () => {
      const unknown = findUnknownPlaceholders(body);
      return {
        ...(!status && { status: t('required') }),
        ...(!title.trim() && { title: t('required') }),
        ...(!body.trim()
          ? { body: t('required') }
          : unknown.length > 0 && { body: t('unknownPlaceholder', { names: unknown.map((found) => `{${found.name}}`).join(', ') }) }),
      };
    },
    send: async () => {
      const input = { status, categoryId: categoryId || null, title: title.trim(), body: body.trim() };
      if (text) await api.patch(`/api/v1/melding-standard-texts/${text.id}`, input);
      else await api.post('/api/v1/melding-standard-texts', input);
      if (!text) {
        setTitle('');
        setBody('');
      }
      await onSaved();
    },
    fields: ['status', 'categoryId', 'title', 'body'],
  });

  return (
    <section className="plein-section" aria-labelledby={text ? `tekst-${text.id}` : 'nieuwe-tekst'}>
      <Heading level={2} id={text ? `tekst-${text.id}` : 'nieuwe-tekst'}>
        {text ? t('editHeading') : t('newHeading')}
      </Heading>
      <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
        <FormProblem title={t('saveFailed')} problem={problem} />
        <SelectField
          label={t('status')}
          value={status}
          onChange={setStatus}
          error={errors.status}
          options={[{ value: '', label: t('chooseStatus') }, ...STATUSES.map((value) => ({ value, label: MELDING_STATUS_LABELS[value] }))]}
        />
        <SelectField
          label={t('category')}
          value={categoryId}
          onChange={setCategoryId}
          error={errors.categoryId}
          options={[
            { value: '', label: t('allCategories') },
            ...categories.map((c) => ({ value: c.id, label: mainName(c) ? `${mainName(c)} – ${c.publicName}` : c.publicName })),
          ]}
        />
        <TextField label={t('titleField')} value={title} onChange={setTitle} error={errors.title} />
        <TextAreaField
          label={t('body')}
          description={t('bodyHelp', {
            list: Object.entries(MELDING_PLACEHOLDERS)
              .map(([name, meaning]) => `{${name}} ${meaning}`)
              .join('; '),
          })}
          rows={5}
          value={body}
          onChange={setBody}
          error={errors.body}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={busy}>
            {t('save')}
          </Button>
          {onCancel && (
            <Button type="button" onClick={onCancel}>
              {t('cancel')}
            </Button>
          )}
        </ButtonGroup>
      </form>
    </section>
  );
}

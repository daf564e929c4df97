import { useState } from 'react';
import { api } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Alert, Button, FormProblem, Heading, TextAreaField } from '../../ui';
import { meldingenMessages } from './meldingen-messages';
import type { MeldingDetail } from './meldingen-queries';

export function NoteForm({ melding, onUpdated }: { melding: MeldingDetail; onUpdated: (next: MeldingDetail) => Promise<void> }) {
  const t = useMessages(meldingenMessages);
  const [text, setText] = useState('');
  const [done, setDone] = useState(false);
  const { submit, errors, problem, busy } = useFormSubmit({
    onStart: () => setDone(false),
    validate: (): Record<string, string> => (text.trim() ? {} : { text: t('required') }),
    send: async () => {
      const next = await api.post<MeldingDetail>(`/api/v1/meldingen/${melding.id}/notes`, { text: text.trim() });
      setText('');
      setDone(true);
      await onUpdated(next);
    },
    fields: ['text'],
  });
  return (
    <div className="plein-melding-action">
      <Heading level={3}>{t('noteHeading')}</Heading>
      {done && <Alert type="ok">{t('noteAdded')}</Alert>}
      <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
        <FormProblem title={t('saveFailed')} problem={problem} />
        <TextAreaField label={t('note')} description={t('noteHelp')} rows={3} value={text} onChange={setText} error={errors.text} />
        <div className="plein-form__actions">
          <Button type="submit" busy={busy}>
            {t('noteSubmit')}
          </Button>
        </div>
      </form>
    </div>
  );
}

import { useState } from 'react';
import { api } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Button, FormProblem, Heading, TextAreaField } from '../../ui';
import { conversationMessages } from './conversation-messages';
import type { ConversationDetail } from './conversation-queries';

export function ConversationNoteForm({
  conversation,
  onUpdated,
}: {
  conversation: ConversationDetail;
  onUpdated: (next: ConversationDetail) => Promise<void>;
}) {
  const t = useMessages(conversationMessages);
  const [text, setText] = useState('');
  const { submit, errors, problem, busy } = useFormSubmit({
    validate: (): Record<string, string> => (text.trim() ? {} : { text: t('required') }),
    send: async () => {
      const next = await api.post<ConversationDetail>(`/api/v1/conversations/${conversation.id}/notes`, { text: text.trim() });
      setText('');
      await onUpdated(next);
    },
    fields: ['text'],
  });
  return (
    <section className="plein-section plein-melding-action" aria-labelledby="notitie">
      <Heading level={2} id="notitie">
        {t('noteHeading')}
      </Heading>
      <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
        <FormProblem title={t('saveFailed')} problem={problem} />
        <TextAreaField label={t('noteLabel')} rows={3} value={text} onChange={setText} error={errors.text} />
        <div className="plein-form__actions">
          <Button type="submit" busy={busy}>
            {t('addNote')}
          </Button>
        </div>
      </form>
    </section>
  );
}

import { useEffect, useState } from 'react';
import { CHANNEL_CAPABILITIES, checkLength } from '../../../../contracts/channel-limits';
import { api } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Alert, Button, CheckboxField, FormProblem, Heading, TextAreaField } from '../../ui';
import { conversationMessages } from './conversation-messages';
import type { ConversationDetail } from './conversation-queries';

// A plain answer box with the channel's length count; one idempotency key per draft, so a double click
// or a retry after a network error sends the answer once.
export function ReplyForm({ conversation, onSent, onComposing }: { conversation: ConversationDetail; onSent: () => Promise<void>; onComposing?: (composing: boolean) => void }) {
  const t = useMessages(conversationMessages);
  const [text, setText] = useState('');
  const [privately, setPrivately] = useState(conversation.visibility === 'prive');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [done, setDone] = useState(false);
  const capabilities = CHANNEL_CAPABILITIES[conversation.channel];
  const length = checkLength(conversation.channel, text);
  const name = conversation.author.displayName ?? conversation.author.handle;
  const composing = text.trim().length > 0;
  // Colleagues see that an answer is being written (collision warning).
  useEffect(() => onComposing?.(composing), [composing, onComposing]);

  const { submit, errors, problem, busy } = useFormSubmit({
    onStart: () => setDone(false),
    validate: (): Record<string, string> => (text.trim() ? {} : { text: t('required') }),
    send: async () => {
      await api.post(`/api/v1/conversations/${conversation.id}/reply`, { text: text.trim(), idempotencyKey: key, ...(privately && conversation.visibility === 'openbaar' && { private: true }) });
      setText('');
      setKey(crypto.randomUUID());
      setDone(true);
      await onSent();
    },
    fields: ['text'],
  });

  if (!capabilities.reply) return null;
  return (
    <section className="plein-section" aria-labelledby="antwoorden">
      <Heading level={2} id="antwoorden">
        {t('replyHeading')}
      </Heading>
      <div role="status">{done && <Alert type="ok">{t('sent')}</Alert>}</div>
      <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
        <FormProblem title={t('replyFailed')} problem={problem} />
        <TextAreaField label={t('replyLabel')} description={t('replyHelp', { channel: capabilities.label, name })} rows={5} value={text} onChange={setText} error={errors.text} />
        {length.max !== null && (
          <p className={`utrecht-paragraph plein-counter${length.fits ? '' : ' plein-field-error'}`} aria-live="polite">
            {length.length} / {length.max}
          </p>
        )}
        {conversation.visibility === 'openbaar' && capabilities.direct && <CheckboxField label={t('replyPrivate')} checked={privately} onChange={setPrivately} />}
        <div className="plein-form__actions">
          <Button type="submit" appearance="primary" busy={busy}>
            {t('send')}
          </Button>
        </div>
      </form>
    </section>
  );
}

import { ABUSE_ACTIONS, type AbuseAction, type conversationAbuseSchema } from '@contracts/abuse';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { api } from '../../../app/api-client';
import { useAuth } from '../../../app/auth-context';
import { addOneDay, formatDate, formatDateTime, startOfDayInAmsterdam } from '../../../app/format';
import { useMessages } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/use-form-submit';
import { Alert, Button, CheckboxGroup, ConfirmButton, FormProblem, Heading, Paragraph, SelectField, TextAreaField, TextField } from '../../../ui';
import { type ConversationDetail, inboxQueryKey } from '../conversation-queries';
import { abuseMessages } from './abuse-messages';
import './abuse.css';

type ConversationAbuse = z.infer<typeof conversationAbuseSchema>;

const previewOf = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

// "Misbruik melden" in the conversation's side column: what is already registered, the author's block,
// and the form that registers a message and takes the measures.
export function AbusePanel({ conversation }: { conversation: ConversationDetail }) {
  const t = useMessages(abuseMessages);
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const key = [...inboxQueryKey, conversation.id, 'misbruik'];
  const abuse = useQuery({ queryKey: key, queryFn: () => api.get<ConversationAbuse>(`/api/v1/conversations/${conversation.id}/abuse`) });
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = async (next?: ConversationAbuse) => {
    if (next) queryClient.setQueryData(key, next);
    else await queryClient.invalidateQueries({ queryKey: key });
    // The conversation's labels and timeline changed too.
    await queryClient.invalidateQueries({ queryKey: [...inboxQueryKey, conversation.id], exact: true });
  };
  const data = abuse.data;

  return (
    <section className="plein-section plein-melding-action" aria-labelledby="misbruik">
      <Heading level={2} id="misbruik">
        {t('heading')}
      </Heading>
      {notice && <Alert type="ok">{notice}</Alert>}
      {data && data.entries.length > 0 && (
        <Alert type="warning">
          <Paragraph>{t('marked')}</Paragraph>
          <ul className="utrecht-unordered-list">
            {data.entries.map((entry) => (
              <li key={entry.id}>
                {t('entry', {
                  date: formatDateTime(entry.postedAt),
                  actions: entry.actions.length > 0 ? entry.actions.map((action) => t(`action.${action}`)).join(', ') : t('onlyRegistered'),
                })}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {data?.block && (
        <div className="plein-abuse-block">
          <Paragraph>
            {data.block.active
              ? t('blocked', {
                  handle: data.block.authorHandle,
                  until: data.block.until ? t('blockedUntil', { date: formatDateTime(data.block.until) }) : t('blockedIndefinitely'),
                })
              : t('blockExpired', { handle: data.block.authorHandle })}
          </Paragraph>
          {can('inbox.handle') && (
            <ConfirmButton
              label={t('unblock')}
              question={t('unblockQuestion')}
              confirmLabel={t('unblockConfirm')}
              cancelLabel={t('cancel')}
              danger={false}
              onConfirm={async () => {
                await api.delete(`/api/v1/author-blocks/${data.block!.id}`);
                setNotice(t('unblocked'));
                await refresh();
              }}
            />
          )}
        </div>
      )}
      {can('inbox.handle') && (
        <AbuseReportForm
          conversation={conversation}
          onReported={async (next) => {
            setNotice(t('reported'));
            await refresh(next);
          }}
        />
      )}
    </section>
  );
}

function AbuseReportForm({ conversation, onReported }: { conversation: ConversationDetail; onReported: (next: ConversationAbuse) => Promise<void> }) {
  const t = useMessages(abuseMessages);
  const incoming = conversation.messages.filter((message) => message.direction === 'in');
  const [messageId, setMessageId] = useState(incoming.at(-1)?.id ?? '');
  const [actions, setActions] = useState<string[]>([]);
  const [blockUntil, setBlockUntil] = useState('');
  const [note, setNote] = useState('');
  const blocking = actions.includes('blokkeren');

  const { submit, errors, problem, busy } = useFormSubmit({
    validate: (): Record<string, string> => (messageId ? {} : { messageId: t('required') }),
    send: async () => {
      const next = await api.post<ConversationAbuse>(`/api/v1/conversations/${conversation.id}/abuse`, {
        messageId,
        actions: ABUSE_ACTIONS.filter((action) => actions.includes(action)),
        ...(note.trim() && { note: note.trim() }),
        // "Tot en met" a day: the block ends when the next day starts in Amsterdam.
        ...(blocking && blockUntil && { blockUntil: new Date(startOfDayInAmsterdam(addOneDay(blockUntil))).toISOString() }),
      });
      setActions([]);
      setBlockUntil('');
      setNote('');
      await onReported(next);
    },
    fields: ['messageId', 'actions', 'blockUntil', 'note'],
  });

  return (
    <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
      <Paragraph className="plein-muted">{t('intro')}</Paragraph>
      <FormProblem title={t('failed')} problem={problem} />
      <SelectField
        label={t('message')}
        value={messageId}
        onChange={setMessageId}
        error={errors.messageId}
        options={incoming.map((message) => ({ value: message.id, label: `${formatDate(message.postedAt)} · ${previewOf(message.text)}` }))}
      />
      <CheckboxGroup
        legend={t('actions')}
        description={t('actionsHelp')}
        options={ABUSE_ACTIONS.map((action: AbuseAction) => ({ value: action, label: t(`action.${action}`) }))}
        selected={actions}
        onChange={setActions}
        error={errors.actions}
      />
      {blocking && (
        <TextField
          label={t('blockUntil')}
          description={t('blockUntilHelp')}
          type="date"
          value={blockUntil}
          onChange={setBlockUntil}
          error={errors.blockUntil}
        />
      )}
      <TextAreaField label={t('note')} rows={3} maxLength={2_000} value={note} onChange={setNote} error={errors.note} />
      <div className="plein-form__actions">
        <Button type="submit" danger busy={busy}>
          {t('submit')}
        </Button>
      </div>
    </form>
  );
}

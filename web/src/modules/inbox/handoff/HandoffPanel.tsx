import type { ChannelAccount } from '@contracts/channels';
import { type conversationHandoffsSchema, type Handoff, type HandoffPartner, OPEN_HANDOFF_STATUSES } from '@contracts/handoff';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { api } from '../../../app/api-client';
import { useAuth } from '../../../app/auth-context';
import { formatDate, formatDateTime } from '../../../app/format';
import { useMessages } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/use-form-submit';
import { Alert, type BadgeTone, Button, CheckboxField, FormProblem, Heading, Paragraph, SelectField, StatusBadge, TextAreaField } from '../../../ui';
import { useTeams } from '../../beheer/organisation-queries';
import { type ConversationDetail, inboxQueryKey } from '../conversation-queries';
import { handoffMessages } from './handoff-messages';

type Handoffs = z.infer<typeof conversationHandoffsSchema>;

const TONE: Record<Handoff['status'], BadgeTone> = {
  overgedragen: 'neutral',
  verstuurd: 'info',
  geopend: 'info',
  'in-behandeling': 'warning',
  afgehandeld: 'ok',
  teruggegeven: 'error',
};

// "Overdragen" in the conversation's side column: the hand-offs so far with their status (kept fresh by the
// live updates, which change the conversation's events) and the form to hand it on.
export function HandoffPanel({ conversation }: { conversation: ConversationDetail }) {
  const t = useMessages(handoffMessages);
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const handoffs = useQuery({
    queryKey: [...inboxQueryKey, conversation.id, 'overdracht', conversation.events.length],
    queryFn: () => api.get<Handoffs>(`/api/v1/conversations/${conversation.id}/handoffs`),
  });
  const accounts = useQuery({ queryKey: ['channel-accounts'], queryFn: () => api.get<ChannelAccount[]>('/api/v1/channel-accounts') });
  const [notice, setNotice] = useState<string | null>(null);
  const handleOf = (id: string | null) => accounts.data?.find((account) => account.id === id)?.handle ?? '…';
  const list = handoffs.data?.handoffs ?? [];
  // One partner at a time: until it answers, the form would only be refused.
  const waitingForPartner = list.some((handoff) => handoff.kind === 'partner' && OPEN_HANDOFF_STATUSES.includes(handoff.status));

  return (
    <section className="plein-section plein-melding-action" aria-labelledby="overdragen">
      <Heading level={2} id="overdragen">
        {t('heading')}
      </Heading>
      {notice && <Alert type="ok">{notice}</Alert>}
      {list.length === 0 ? (
        <Paragraph className="plein-muted">{t('none')}</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list plein-handoffs">
          {list.map((handoff) => (
            <li key={handoff.id} data-testid="overdracht">
              {handoff.kind === 'account'
                ? t('toAccountLine', { handle: handleOf(handoff.toAccountId), date: formatDateTime(handoff.createdAt), by: handoff.createdBy })
                : t('toPartnerLine', { partner: handoff.partnerName ?? '', date: formatDateTime(handoff.createdAt), by: handoff.createdBy })}{' '}
              <StatusBadge tone={TONE[handoff.status]}>{t(`status.${handoff.status}`)}</StatusBadge>{' '}
              {handoff.overdue && <StatusBadge tone="error">{t('overdue')}</StatusBadge>}
              {handoff.dueAt && !handoff.answer && <div className="plein-muted">{t('dueAt', { date: formatDate(handoff.dueAt) })}</div>}
              {handoff.answer && (
                <div>
                  <strong>{t('answer', { partner: handoff.partnerName ?? '' })}:</strong> <q className="plein-break">{handoff.answer}</q>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {waitingForPartner && <Paragraph className="plein-muted">{t('waiting')}</Paragraph>}
      {can('inbox.handle') && conversation.state !== 'gesloten' && !waitingForPartner && (
        <HandoffForm
          conversation={conversation}
          accounts={accounts.data ?? []}
          onDone={async (next) => {
            setNotice(t('done'));
            queryClient.setQueryData([...inboxQueryKey, conversation.id, 'overdracht', conversation.events.length], next);
            await queryClient.invalidateQueries({ queryKey: [...inboxQueryKey, conversation.id], exact: true });
            await queryClient.invalidateQueries({ queryKey: [...inboxQueryKey, 'lijst'] });
          }}
        />
      )}
    </section>
  );
}

function HandoffForm({
  conversation,
  accounts,
  onDone,
}: {
  conversation: ConversationDetail;
  accounts: ChannelAccount[];
  onDone: (next: Handoffs) => Promise<void>;
}) {
  const t = useMessages(handoffMessages);
  const teams = useTeams();
  const partners = useQuery({ queryKey: ['handoff-partners'], queryFn: () => api.get<HandoffPartner[]>('/api/v1/handoff-partners') });
  const current = conversation.handlingAccountId ?? conversation.accountId;
  const others = accounts.filter((account) => account.id !== current);
  const usable = (partners.data ?? []).filter((partner) => !partner.municipalityId || partner.municipalityId === conversation.municipalityId);
  const latest = conversation.messages.filter((message) => message.direction === 'in').at(-1)?.text ?? '';
  const [to, setTo] = useState<'account' | 'partner'>('account');
  const [accountId, setAccountId] = useState('');
  const [teamId, setTeamId] = useState('');
  const [note, setNote] = useState('');
  const [withReply, setWithReply] = useState(false);
  const [replyText, setReplyText] = useState('');
  const [partnerId, setPartnerId] = useState('');
  const [question, setQuestion] = useState(latest);
  const [context, setContext] = useState('');

  const { submit, errors, problem, busy } = useFormSubmit({
    validate: (): Record<string, string> => {
      if (to === 'account') return { ...(!accountId && { accountId: t('required') }), ...(withReply && !replyText.trim() && { reply: t('required') }) };
      return { ...(!partnerId && { partnerId: t('required') }), ...(!question.trim() && { question: t('required') }) };
    },
    send: async () => {
      const body =
        to === 'account'
          ? { to, accountId, ...(teamId && { teamId }), ...(note.trim() && { note: note.trim() }), ...(withReply && { reply: { text: replyText.trim() } }) }
          : { to, partnerId, question: question.trim(), ...(context.trim() && { context: context.trim() }) };
      const next = await api.post<Handoffs>(`/api/v1/conversations/${conversation.id}/handoffs`, body);
      setNote('');
      setContext('');
      setWithReply(false);
      await onDone(next);
    },
    renameFields: { 'reply.text': 'reply' },
    fields: ['to', 'accountId', 'teamId', 'note', 'reply', 'partnerId', 'question', 'context'],
  });

  return (
    <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
      <Paragraph className="plein-muted">{t('intro')}</Paragraph>
      <FormProblem title={t('failed')} problem={problem} />
      <SelectField
        label={t('toWhom')}
        value={to}
        onChange={(value) => setTo(value as 'account' | 'partner')}
        options={[
          { value: 'account', label: t('toAccount') },
          { value: 'partner', label: t('toPartner') },
        ]}
      />
      {to === 'account' ? (
        <>
          <SelectField
            label={t('account')}
            description={t('accountHelp')}
            value={accountId}
            error={errors.accountId}
            onChange={(value) => {
              setAccountId(value);
              const next = accounts.find((account) => account.id === value)?.handle ?? '';
              setReplyText(t('replyDefault', { handle: next }));
            }}
            options={[{ value: '', label: '—' }, ...others.map((account) => ({ value: account.id, label: `${account.displayName} (${account.handle})` }))]}
          />
          <SelectField
            label={t('team')}
            description={t('teamHelp')}
            value={teamId}
            error={errors.teamId}
            onChange={setTeamId}
            options={[{ value: '', label: t('teamAuto') }, ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))]}
          />
          <TextAreaField label={t('note')} rows={2} maxLength={2_000} value={note} onChange={setNote} error={errors.note} />
          <CheckboxField label={t('replyToggle')} checked={withReply} onChange={setWithReply} />
          {withReply && <TextAreaField label={t('replyText')} rows={3} value={replyText} onChange={setReplyText} error={errors.reply} />}
        </>
      ) : usable.length === 0 && partners.isSuccess ? (
        <Alert type="info">{t('noPartners')}</Alert>
      ) : (
        <>
          <SelectField
            label={t('partner')}
            description={t('partnerHelp')}
            value={partnerId}
            error={errors.partnerId}
            onChange={setPartnerId}
            options={[{ value: '', label: '—' }, ...usable.map((partner) => ({ value: partner.id, label: partner.name }))]}
          />
          <TextAreaField
            label={t('question')}
            description={t('questionHelp')}
            rows={4}
            maxLength={5_000}
            value={question}
            onChange={setQuestion}
            error={errors.question}
          />
          <TextAreaField label={t('context')} rows={3} maxLength={5_000} value={context} onChange={setContext} error={errors.context} />
        </>
      )}
      <div className="plein-form__actions">
        <Button type="submit" busy={busy}>
          {t('submit')}
        </Button>
      </div>
    </form>
  );
}

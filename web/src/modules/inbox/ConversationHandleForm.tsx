import { PRIORITIES } from '@contracts/inbox';
import { useEffect, useState } from 'react';
import { api } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Alert, Button, FormProblem, Heading, SelectField, TextField } from '../../ui';
import { useTeams, useUsers } from '../beheer/organisation-queries';
import { conversationMessages } from './conversation-messages';
import type { ConversationDetail } from './conversation-queries';

const STATES = ['open', 'wachtend', 'gesnoozed', 'gesloten'] as const;

// State, priority, labels and assignment in one form; only what changed is sent.
export function ConversationHandleForm({
  conversation,
  onUpdated,
}: {
  conversation: ConversationDetail;
  onUpdated: (next: ConversationDetail) => Promise<void>;
}) {
  const t = useMessages(conversationMessages);
  const teams = useTeams();
  const users = useUsers();
  const [state, setState] = useState<string>(conversation.state);
  const [snoozeUntil, setSnoozeUntil] = useState('');
  const [priority, setPriority] = useState<string>(conversation.priority);
  const [labels, setLabels] = useState(conversation.labels.join(', '));
  const [teamId, setTeamId] = useState(conversation.assignedTeamId ?? '');
  const [userId, setUserId] = useState(conversation.assignedUserId ?? '');
  const [saved, setSaved] = useState(false);
  // The form sends what differs from the conversation as it is now. When someone else changes a field (a
  // hand-off, a colleague, a new message reopening it), the field follows, or saving would undo their change.
  const labelText = conversation.labels.join(', ');
  useEffect(() => setState(conversation.state), [conversation.state]);
  useEffect(() => setPriority(conversation.priority), [conversation.priority]);
  useEffect(() => setLabels(labelText), [labelText]);
  useEffect(() => setTeamId(conversation.assignedTeamId ?? ''), [conversation.assignedTeamId]);
  useEffect(() => setUserId(conversation.assignedUserId ?? ''), [conversation.assignedUserId]);

  const { submit, errors, problem, busy } = useFormSubmit({
    onStart: () => setSaved(false),
    validate: (): Record<string, string> => (state === 'gesnoozed' && state !== conversation.state && !snoozeUntil ? { snoozedUntil: t('required') } : {}),
    send: async () => {
      const parsedLabels = labels
        .split(',')
        .map((label) => label.trim())
        .filter(Boolean);
      const change = {
        ...(state !== conversation.state && { state, ...(state === 'gesnoozed' && { snoozedUntil: new Date(snoozeUntil).toISOString() }) }),
        ...(priority !== conversation.priority && { priority }),
        ...(parsedLabels.join(',') !== conversation.labels.join(',') && { labels: parsedLabels }),
        ...(teamId !== (conversation.assignedTeamId ?? '') && { assignedTeamId: teamId || null }),
        ...(userId !== (conversation.assignedUserId ?? '') && { assignedUserId: userId || null }),
      };
      if (Object.keys(change).length === 0) return;
      const next = await api.patch<ConversationDetail>(`/api/v1/conversations/${conversation.id}`, change);
      setSaved(true);
      await onUpdated(next);
    },
    fields: ['state', 'snoozedUntil', 'priority', 'labels', 'assignedTeamId', 'assignedUserId'],
  });

  return (
    <section className="plein-section plein-melding-action" aria-labelledby="behandelen">
      <Heading level={2} id="behandelen">
        {t('handleHeading')}
      </Heading>
      {saved && <Alert type="ok">{t('saved')}</Alert>}
      <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
        <FormProblem title={t('saveFailed')} problem={problem} />
        <SelectField
          label={t('state')}
          value={state}
          onChange={setState}
          error={errors.state}
          options={STATES.map((value) => ({ value, label: t(`state.${value}`) }))}
        />
        {state === 'gesnoozed' && state !== conversation.state && (
          <TextField label={t('snoozeUntil')} type="datetime-local" value={snoozeUntil} onChange={setSnoozeUntil} error={errors.snoozedUntil} />
        )}
        <SelectField
          label={t('priority')}
          value={priority}
          onChange={setPriority}
          error={errors.priority}
          options={PRIORITIES.map((value) => ({ value, label: t(`priority.${value}`) }))}
        />
        <TextField label={t('labels')} description={t('labelsHelp')} value={labels} onChange={setLabels} error={errors.labels} />
        <SelectField
          label={t('team')}
          value={teamId}
          onChange={setTeamId}
          error={errors.assignedTeamId}
          options={[{ value: '', label: t('nobody') }, ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))]}
        />
        <SelectField
          label={t('person')}
          value={userId}
          onChange={setUserId}
          error={errors.assignedUserId}
          options={[
            { value: '', label: t('nobody') },
            ...(users.data ?? []).filter((user) => user.active).map((user) => ({ value: user.id, label: user.name })),
          ]}
        />
        <div className="plein-form__actions">
          <Button type="submit" busy={busy}>
            {t('save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

import type { Publication } from '@contracts/publications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, ProblemError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { commonMessages } from '../../app/common-messages';
import { formatDateTime } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Alert, AppLink, Button, ConfirmButton, DataList, ExternalLink, FormProblem, Heading, PageHeader, Paragraph, QueryState, TextField } from '../../ui';
import { ChannelResultBadge, formatChannelName, PublicationStatusBadge } from './PublicationBadges';
import { ApprovalActions, CommentForm, EditTextsForm, PublicationReviews, ReviewedAfterwardsAction } from './PublicationReview';
import { zendenMessages } from './zenden-messages';
import { publicationsQueryKey, usePublication } from './zenden-queries';
import './zenden.css';

export function PublicationPage() {
  const t = useMessages(zendenMessages);
  const { id = '' } = useParams();
  const publication = usePublication(id);
  return (
    <QueryState query={publication} loadingLabel={t('detailLoading')} errorTitle={t('notFound')}>
      {(loaded) => <PublicationDetail publication={loaded} />}
    </QueryState>
  );
}

function PublicationDetail({ publication }: { publication: Publication }) {
  const t = useMessages(zendenMessages);
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const update = async (changed: Publication, text: string) => {
    queryClient.setQueryData([...publicationsQueryKey, changed.id], changed);
    await queryClient.invalidateQueries({ queryKey: [...publicationsQueryKey, 'lijst'] });
    setNotice({ type: 'ok', text });
  };
  const editable = ['ter-goedkeuring', 'teruggestuurd', 'gepland'].includes(publication.status) && can('publications.manage');
  return (
    <>
      <PageHeader title={publication.title} lead={<AppLink to="/zenden">{t('back')}</AppLink>} />
      {notice && <Alert type={notice.type === 'ok' ? 'ok' : 'error'}>{notice.text}</Alert>}
      <DataList
        items={[
          { key: t('status'), value: <PublicationStatusBadge status={publication.status} /> },
          { key: t('plannedAt'), value: formatDateTime(publication.plannedAt) },
          ...(publication.handedOverAt ? [{ key: t('handedOver'), value: formatDateTime(publication.handedOverAt) }] : []),
        ]}
      />
      <Heading level={2}>{t('perChannel')}</Heading>
      {publication.channels.map((channel) => (
        <section key={channel.accountId} className="plein-variant" aria-label={`${formatChannelName(channel.channel)} · ${channel.handle}`}>
          <Heading level={3}>
            <span className="plein-badge-row">
              <span className="plein-break">
                {formatChannelName(channel.channel)} · {channel.handle}
              </span>
              <ChannelResultBadge result={channel.result} />
            </span>
          </Heading>
          <Paragraph className="plein-break plein-pre-wrap">{channel.text}</Paragraph>
          {channel.publicUrl && <ExternalLink href={channel.publicUrl}>{t('view', { channel: formatChannelName(channel.channel) })}</ExternalLink>}
          {channel.error && <Paragraph className="plein-field-error plein-break">{channel.error}</Paragraph>}
        </section>
      ))}
      <div className="plein-publication-sections">
        <Heading level={2}>{t('approvals')}</Heading>
        <PublicationReviews publication={publication} />
        <ApprovalActions publication={publication} onDone={update} />
        <ReviewedAfterwardsAction publication={publication} onDone={update} />
        <CommentForm publication={publication} onDone={update} />
        {editable && <EditTextsForm key={publication.version} publication={publication} onDone={update} />}
        {editable && <RescheduleForm publication={publication} onDone={(changed) => update(changed, t('rescheduled'))} />}
        {editable && (
          <CancelAction
            publication={publication}
            onDone={(changed) => update(changed, t('cancelled'))}
            onError={(text) => setNotice({ type: 'error', text })}
          />
        )}
      </div>
    </>
  );
}

// The wall clock in Amsterdam of an ISO moment, as the date and time inputs want it.
function localParts(iso: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}

function RescheduleForm({ publication, onDone }: { publication: Publication; onDone: (changed: Publication) => Promise<void> }) {
  const t = useMessages(zendenMessages);
  const initial = localParts(publication.plannedAt);
  const [date, setDate] = useState(initial.date);
  const [time, setTime] = useState(initial.time);
  const { submit, errors, problem, busy } = useFormSubmit({
    validate: () => ({
      ...(!/^\d{4}-\d{2}-\d{2}$/.test(date) && { date: t('invalidDate') }),
      ...(!/^\d{2}:\d{2}$/.test(time) && { time: t('invalidTime') }),
    }),
    send: async () => {
      const changed = await api.post<Publication>(`/api/v1/publications/${publication.id}/reschedule`, {
        plannedAt: `${date}T${time}`,
        version: publication.version,
      });
      await onDone(changed);
    },
    renameFields: { plannedAt: 'date' },
    fields: ['date', 'time'],
  });
  return (
    <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
      <Heading level={2}>{t('rescheduleHeading')}</Heading>
      <FormProblem title={t('actionFailed')} problem={problem} />
      <TextField label={t('date')} type="date" value={date} onChange={setDate} error={errors.date} />
      <TextField label={t('time')} type="time" value={time} onChange={setTime} error={errors.time} />
      <Button type="submit" busy={busy}>
        {t('reschedule')}
      </Button>
    </form>
  );
}

function CancelAction({
  publication,
  onDone,
  onError,
}: {
  publication: Publication;
  onDone: (changed: Publication) => Promise<void>;
  onError: (text: string) => void;
}) {
  const t = useMessages(zendenMessages);
  const common = useMessages(commonMessages);
  const [busy, setBusy] = useState(false);
  return (
    <ConfirmButton
      label={t('cancel')}
      question={t('cancelConfirm')}
      confirmLabel={common('yes')}
      cancelLabel={common('no')}
      busy={busy}
      onConfirm={async () => {
        setBusy(true);
        try {
          await onDone(await api.post<Publication>(`/api/v1/publications/${publication.id}/cancel`));
        } catch (error) {
          onError(error instanceof ProblemError ? error.message : String(error));
        } finally {
          setBusy(false);
        }
      }}
    />
  );
}

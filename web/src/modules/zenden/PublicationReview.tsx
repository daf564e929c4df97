import { checkLength } from '@contracts/channel-limits';
import type { Channel } from '@contracts/channels';
import type { Publication } from '@contracts/publications';
import { useState } from 'react';
import { api } from '../../app/api-client';
import { useAuth, useMe } from '../../app/auth-context';
import { formatDateTime } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Button, FormProblem, Heading, Paragraph, TextAreaField, TextField, Timeline } from '../../ui';
import { formatChannelName } from './PublicationBadges';
import { zendenMessages } from './zenden-messages';

type Done = (changed: Publication, text: string) => Promise<void>;

// Who approved, sent back or commented, per text version, oldest first.
export function PublicationReviews({ publication }: { publication: Publication }) {
  const t = useMessages(zendenMessages);
  return (
    <>
      <Paragraph>
        {publication.approvalsRequired === 0
          ? t('approvalsNone')
          : t('approvalsCount', { given: publication.approvedBy.length, required: publication.approvalsRequired })}
      </Paragraph>
      {publication.fastPath && (
        <Paragraph className="plein-break">
          {t('fastPathTaken', { reason: publication.fastPath.reason })}
          {publication.fastPath.reviewedAfterwardsAt && ` · ${t('reviewedAfterwards', { time: formatDateTime(publication.fastPath.reviewedAfterwardsAt) })}`}
        </Paragraph>
      )}
      {publication.reviews.length > 0 && (
        <Timeline
          id="publicatie-beoordelingen"
          heading={t('reviewsHeading')}
          items={publication.reviews.map((review) => ({
            id: review.id,
            kind: review.decision,
            at: review.createdAt,
            what: t(`review_${review.decision}`, { name: review.userName }),
            by: t('reviewVersion', { version: review.contentVersion }),
            text: review.comment,
          }))}
        />
      )}
    </>
  );
}

// For a colleague of the author while the post waits: approve this text, or send it back with what should change.
export function ApprovalActions({ publication, onDone }: { publication: Publication; onDone: Done }) {
  const t = useMessages(zendenMessages);
  const me = useMe();
  const [comment, setComment] = useState('');
  const [approving, setApproving] = useState(false);
  const [approveProblem, setApproveProblem] = useState<string | null>(null);
  const sendBack = useFormSubmit({
    validate: (): Record<string, string> => (comment.trim() ? {} : { comment: t('required') }),
    send: async () => {
      const changed = await api.post<Publication>(`/api/v1/publications/${publication.id}/send-back`, {
        version: publication.version,
        comment: comment.trim(),
      });
      setComment('');
      await onDone(changed, t('sentBack'));
    },
    fields: ['comment'],
  });
  if (publication.status !== 'ter-goedkeuring' || publication.createdBy === me.user.id || publication.approvedBy.includes(me.user.id)) return null;
  const approve = async () => {
    setApproving(true);
    setApproveProblem(null);
    try {
      await onDone(await api.post<Publication>(`/api/v1/publications/${publication.id}/approve`, { version: publication.version }), t('approved'));
    } catch (error) {
      setApproveProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setApproving(false);
    }
  };
  return (
    <>
      <FormProblem title={t('actionFailed')} problem={approveProblem} />
      <Button appearance="primary" busy={approving} onClick={approve}>
        {t('approve')}
      </Button>
      <form className="utrecht-form plein-form" onSubmit={sendBack.submit} noValidate>
        <Heading level={3}>{t('sendBackHeading')}</Heading>
        <FormProblem title={t('actionFailed')} problem={sendBack.problem} />
        <TextAreaField label={t('sendBackComment')} rows={3} value={comment} onChange={setComment} error={sendBack.errors.comment} />
        <Button type="submit" busy={sendBack.busy}>
          {t('sendBack')}
        </Button>
      </form>
    </>
  );
}

export function CommentForm({ publication, onDone }: { publication: Publication; onDone: Done }) {
  const t = useMessages(zendenMessages);
  const [text, setText] = useState('');
  const { submit, errors, problem, busy } = useFormSubmit({
    validate: (): Record<string, string> => (text.trim() ? {} : { text: t('required') }),
    send: async () => {
      const changed = await api.post<Publication>(`/api/v1/publications/${publication.id}/comments`, { text: text.trim() });
      setText('');
      await onDone(changed, t('commented'));
    },
    fields: ['text'],
  });
  return (
    <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
      <FormProblem title={t('actionFailed')} problem={problem} />
      <TextAreaField label={t('comment')} rows={2} value={text} onChange={setText} error={errors.text} />
      <Button type="submit" busy={busy}>
        {t('addComment')}
      </Button>
    </form>
  );
}

// The author's change of title and texts (after a send-back, or before approval); it goes for approval again.
export function EditTextsForm({ publication, onDone }: { publication: Publication; onDone: Done }) {
  const t = useMessages(zendenMessages);
  const [title, setTitle] = useState(publication.title);
  const [texts, setTexts] = useState<string[]>(publication.channels.map((channel) => channel.text));
  const { submit, errors, problem, busy } = useFormSubmit({
    validate: () => {
      const found: Record<string, string> = {};
      if (!title.trim()) found.title = t('required');
      publication.channels.forEach((channel, index) => {
        const text = texts[index]?.trim() ?? '';
        if (!text) found[`variants.${index}.text`] = t('required');
        else if (!checkLength(channel.channel as Channel, text).fits) {
          const { length, max } = checkLength(channel.channel as Channel, text);
          found[`variants.${index}.text`] = t('counterOver', { over: length - (max ?? 0), length, max: max ?? 0 });
        }
      });
      return found;
    },
    send: async () => {
      const changed = await api.put<Publication>(`/api/v1/publications/${publication.id}`, {
        version: publication.version,
        title: title.trim(),
        variants: publication.channels.map((channel, index) => ({ accountId: channel.accountId, text: (texts[index] ?? '').trim() })),
      });
      await onDone(changed, t('edited'));
    },
    fields: ['title', ...publication.channels.map((_, index) => `variants.${index}.text`)],
  });
  return (
    <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
      <Heading level={2}>{t('editHeading')}</Heading>
      <Paragraph>{t('editLead')}</Paragraph>
      <FormProblem title={t('actionFailed')} problem={problem} />
      <TextField label={t('workTitle')} value={title} onChange={setTitle} error={errors.title} autoComplete="off" />
      {publication.channels.map((channel, index) => (
        <TextAreaField
          key={channel.accountId}
          label={t('textFor', { channel: formatChannelName(channel.channel), handle: channel.handle })}
          rows={4}
          value={texts[index] ?? ''}
          onChange={(value) => setTexts((current) => current.map((text, at) => (at === index ? value : text)))}
          error={errors[`variants.${index}.text`]}
        />
      ))}
      <Button type="submit" busy={busy}>
        {t('saveEdit')}
      </Button>
    </form>
  );
}

// A colleague confirms afterwards that a fast-path post was right.
export function ReviewedAfterwardsAction({ publication, onDone }: { publication: Publication; onDone: Done }) {
  const t = useMessages(zendenMessages);
  const me = useMe();
  const { can } = useAuth();
  const [busy, setBusy] = useState(false);
  if (!publication.fastPath || publication.fastPath.reviewedAfterwardsAt || publication.fastPath.by === me.user.id || !can('publications.approve')) return null;
  return (
    <Button
      busy={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await onDone(await api.post<Publication>(`/api/v1/publications/${publication.id}/reviewed-afterwards`), t('markedReviewed'));
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('markReviewed')}
    </Button>
  );
}

import type { ReplyDraft } from '@contracts/reply-review';
import { useState } from 'react';
import { api, ProblemError } from '../../../app/api-client';
import { formatDateTime } from '../../../app/format';
import { useMessages } from '../../../app/i18n';
import { Alert, Button, ButtonGroup, CheckboxField, ConfirmButton, Heading, Paragraph, StatusBadge, TextAreaField } from '../../../ui';
import type { ConversationDetail } from '../conversation-queries';
import { reviewMessages } from './review-messages';
import './review.css';

// "Ter controle" on a conversation: replies waiting for a colleague's check, or sent back to their author.
// The reviewer approves (the reply is queued) or sends it back with a comment; the author edits and asks again.
export function ReplyDrafts({ conversation, onUpdated }: { conversation: ConversationDetail; onUpdated: () => Promise<void> }) {
  const t = useMessages(reviewMessages);
  const [announcement, setAnnouncement] = useState('');
  if (conversation.drafts.length === 0)
    return (
      <div role="status" className="plein-visually-hidden">
        {announcement}
      </div>
    );
  return (
    <section className="plein-section plein-review" aria-labelledby="ter-controle">
      <Heading level={2} id="ter-controle">
        {t('heading')}
      </Heading>
      <Paragraph className="plein-muted">{t('lead')}</Paragraph>
      <ul className="plein-review__list">
        {conversation.drafts.map((draft) => (
          <li key={draft.id} className="plein-review__draft">
            <DraftItem
              conversationId={conversation.id}
              draft={draft}
              onDone={async (text) => {
                setAnnouncement(text);
                await onUpdated();
              }}
            />
          </li>
        ))}
      </ul>
      <div role="status" className="plein-visually-hidden">
        {announcement}
      </div>
    </section>
  );
}

function DraftItem({ conversationId, draft, onDone }: { conversationId: string; draft: ReplyDraft; onDone: (announcement: string) => Promise<void> }) {
  const t = useMessages(reviewMessages);
  const [mode, setMode] = useState<'view' | 'send-back'>('view');
  const [comment, setComment] = useState('');
  const [edited, setEdited] = useState(draft.text);
  const [confirmWarnings, setConfirmWarnings] = useState(draft.confirmedWarnings);
  const [needsConfirmation, setNeedsConfirmation] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [commentError, setCommentError] = useState<string | undefined>();

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      await onDone(done);
    } catch (caught) {
      if (!(caught instanceof ProblemError)) throw caught;
      setNeedsConfirmation(caught.problem.code === 'waarschuwingen-bevestigen');
      setError([caught.message, ...caught.problem.invalidParams.map((param) => param.reason).filter((reason) => !caught.message.includes(reason))].join(' '));
    } finally {
      setBusy(false);
    }
  };

  const reviewerName = draft.reviewer?.name ?? t('anyColleague');
  return (
    <article aria-label={t('byFor', { author: draft.author.name, reviewer: reviewerName })}>
      <p className="utrecht-paragraph plein-conversation__meta">
        <StatusBadge tone={draft.status === 'teruggestuurd' ? 'warning' : 'info'}>{t(`status.${draft.status}`)}</StatusBadge>{' '}
        {t('byFor', { author: draft.author.name, reviewer: reviewerName })} · <time dateTime={draft.updatedAt}>{formatDateTime(draft.updatedAt)}</time>
        {draft.revision > 1 && ` · ${t('version', { revision: draft.revision })}`}
        {draft.private && ` · ${t('privateReply')}`}
      </p>
      <p className="utrecht-paragraph plein-break plein-pre-line plein-review__text">{draft.text}</p>
      {draft.media.length > 0 && (
        <ul className="plein-review__images" aria-label={t('images')}>
          {draft.media.map((image) => (
            <li key={image.imageId}>
              <img src={`/api/v1/conversations/${conversationId}/reply-images/${image.imageId}`} alt={image.altText} className="plein-composer__thumbnail" />
            </li>
          ))}
        </ul>
      )}
      {draft.reviewComment && (
        <Alert type="warning" title={t('comment', { name: draft.reviewedBy?.name ?? '' })}>
          <p className="utrecht-paragraph plein-pre-line">{draft.reviewComment}</p>
        </Alert>
      )}
      {error && (
        <Alert type="error" title={t('failed')}>
          <p className="utrecht-paragraph">{error}</p>
        </Alert>
      )}
      {draft.mayReview && mode === 'view' && (
        <ButtonGroup>
          <Button appearance="primary" busy={busy} onClick={() => void act(() => api.post(`/api/v1/reply-drafts/${draft.id}/approval`), t('approved'))}>
            {t('approve')}
          </Button>
          <Button onClick={() => setMode('send-back')}>{t('sendBack')}</Button>
        </ButtonGroup>
      )}
      {draft.mayReview && mode === 'send-back' && (
        <form
          className="utrecht-form plein-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!comment.trim()) return setCommentError(t('sendBackLabel'));
            setCommentError(undefined);
            void act(() => api.post(`/api/v1/reply-drafts/${draft.id}/send-back`, { comment: comment.trim() }), t('sentBack'));
          }}
        >
          <TextAreaField label={t('sendBackLabel')} rows={3} value={comment} onChange={setComment} error={commentError} autoFocus />
          <ButtonGroup>
            <Button type="submit" appearance="primary" busy={busy}>
              {t('sendBackConfirm')}
            </Button>
            <Button onClick={() => setMode('view')}>{t('cancel')}</Button>
          </ButtonGroup>
        </form>
      )}
      {!draft.mayReview && !draft.mayEdit && draft.status === 'ter-controle' && (
        <Paragraph className="plein-muted">{t('waitingForOther', { reviewer: reviewerName })}</Paragraph>
      )}
      {draft.mayEdit && draft.status === 'ter-controle' && <Paragraph className="plein-muted">{t('ownDraft')}</Paragraph>}
      {draft.mayEdit && draft.status === 'teruggestuurd' && (
        <form
          className="utrecht-form plein-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const body = {
              text: edited.trim(),
              private: draft.private,
              confirmedWarnings: confirmWarnings,
              media: draft.media,
              reviewerUserId: draft.reviewer?.id ?? null,
            };
            void act(() => api.put(`/api/v1/reply-drafts/${draft.id}`, body), t('resubmitted'));
          }}
        >
          <TextAreaField label={t('editLabel')} rows={5} value={edited} onChange={setEdited} />
          {needsConfirmation && <CheckboxField label={t('confirmWarnings')} checked={confirmWarnings} onChange={setConfirmWarnings} />}
          <Button type="submit" appearance="primary" busy={busy}>
            {t('resubmit')}
          </Button>
        </form>
      )}
      {draft.mayEdit && (
        <ConfirmButton
          label={t('withdraw')}
          question={t('withdrawQuestion')}
          confirmLabel={t('withdrawConfirm')}
          cancelLabel={t('cancel')}
          onConfirm={() => act(() => api.post(`/api/v1/reply-drafts/${draft.id}/withdrawal`), t('withdrawn'))}
        />
      )}
    </article>
  );
}

import { CHANNEL_CAPABILITIES } from '@contracts/channel-limits';
import type { Channel } from '@contracts/channels';
import type { ToneCode } from '@contracts/knowledge';
import { checkReply, deriveInitials, formatSignature, withSignature } from '@contracts/reply-checks';
import type { User } from '@contracts/users';
import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { api, ProblemError } from '../../../app/api-client';
import { useMe } from '../../../app/auth-context';
import { useMessages } from '../../../app/i18n';
import { Alert, Button, CheckboxField, Heading } from '../../../ui';
import { ReviewChoice, type ReviewRequest } from '../review/ReviewChoice';
import { reviewMessages } from '../review/review-messages';
import { ComposerChecks } from './ComposerChecks';
import { type AttachedImage, ComposerImages } from './ComposerImages';
import { composerMessages } from './composer-messages';
import { fillReplyText, insertAt } from './composer-text';
import { KnowledgePanel } from './KnowledgePanel';
import { useUndoSend } from './use-undo-send';
import './composer.css';

export interface ComposerProps {
  conversation: {
    id: string;
    channel: Channel;
    visibility: 'openbaar' | 'prive';
    author: { displayName: string | null; handle: string };
    municipalityId: string;
  };
  onSent(): void;
  // Colleagues are warned while an answer is being written (collision warning).
  onComposing?(composing: boolean): void;
}

const UNDO_SECONDS = 10;

// The reply box: live length per channel, thread preview, signature, knowledge base, the pre-send checks
// (the server runs the same ones) and a short undo window before the request is made.
export function Composer({ conversation, onSent, onComposing }: ComposerProps) {
  const t = useMessages(composerMessages);
  const review = useMessages(reviewMessages);
  const me = useMe();
  const ids = { text: useId(), counter: useId(), heading: useId() };
  const textRef = useRef<HTMLTextAreaElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const capabilities = CHANNEL_CAPABILITIES[conversation.channel];
  const name = conversation.author.displayName ?? conversation.author.handle;

  const profile = useQuery({ queryKey: ['users', me.user.id], queryFn: () => api.get<User>(`/api/v1/users/${me.user.id}`), staleTime: 300_000 });
  const toneCode = useQuery({ queryKey: ['kennisbank', 'toonkader'], queryFn: () => api.get<ToneCode>('/api/v1/tone-code') });
  const initials = profile.data?.initials ?? deriveInitials(me.user.name);
  const toneQuestions = toneCode.data?.questions ?? [];

  const [text, setText] = useState('');
  const [signed, setSigned] = useState(true);
  const [privately, setPrivately] = useState(false);
  const [confirmedWarnings, setConfirmedWarnings] = useState(false);
  const [ticked, setTicked] = useState<boolean[]>([]);
  // One key per draft: a retry after a network error, or a double click, sends the reply once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [sending, setSending] = useState(false);
  const [images, setImages] = useState<AttachedImage[]>([]);
  const [reviewRequest, setReviewRequest] = useState<ReviewRequest>({ wanted: false, reviewerUserId: '' });
  const [tried, setTried] = useState(false);

  const composing = text.trim().length > 0;
  useEffect(() => onComposing?.(composing), [composing, onComposing]);
  const isPublic = conversation.visibility === 'openbaar' && !privately;
  const finalText = signed && text.trim() ? withSignature(text, initials) : text.trim();
  const check = useMemo(
    () => checkReply({ channel: conversation.channel, text: finalText, public: isPublic, images: images.map((image) => ({ altText: image.altText })) }),
    [conversation.channel, finalText, isPublic, images],
  );

  // What the agent confirmed when pressing send; changes during the undo window do not slip into it.
  const pending = useRef<{
    text: string;
    private: boolean;
    confirmedWarnings: boolean;
    media: { imageId: string; altText: string }[];
    review: ReviewRequest;
  } | null>(null);

  const send = async () => {
    const reply = pending.current;
    if (!reply) return;
    setSending(true);
    setAnnouncement(t('sending'));
    try {
      const body = {
        text: reply.text,
        ...(reply.private && { private: true }),
        ...(reply.confirmedWarnings && { confirmedWarnings: true }),
        ...(reply.media.length > 0 && { media: reply.media }),
      };
      // Laten controleren: the reply waits on the conversation for a colleague instead of going out.
      if (reply.review.wanted)
        await api.post(`/api/v1/conversations/${conversation.id}/reply-drafts`, { ...body, reviewerUserId: reply.review.reviewerUserId || null });
      else await api.post(`/api/v1/conversations/${conversation.id}/reply`, { ...body, idempotencyKey });
      setText('');
      setTicked([]);
      setConfirmedWarnings(false);
      setImages([]);
      setTried(false);
      setReviewRequest({ wanted: false, reviewerUserId: '' });
      setIdempotencyKey(crypto.randomUUID());
      setAnnouncement(reply.review.wanted ? review('submitted') : t('sent'));
      onSent();
    } catch (caught) {
      if (!(caught instanceof ProblemError)) throw caught;
      const reasons = caught.problem.invalidParams.map((param) => param.reason);
      setError([caught.message, ...reasons.filter((reason) => !caught.message.includes(reason))].join(' '));
      setAnnouncement('');
      textRef.current?.focus();
    } finally {
      setSending(false);
    }
  };
  const undo = useUndoSend(UNDO_SECONDS, () => void send());
  const secondsLeft = undo.secondsLeft;
  // The countdown is announced at its start and near its end, not every second.
  const countdownAnnouncement =
    secondsLeft === UNDO_SECONDS
      ? t('countdownStart', { seconds: UNDO_SECONDS })
      : secondsLeft !== null && secondsLeft <= 5 && secondsLeft % 5 === 0
        ? t('countdownLeft', { seconds: secondsLeft })
        : '';

  const startSending = () => {
    setTried(true);
    const refusal = !text.trim()
      ? t('needText')
      : check.blocking.length > 0
        ? t('needBlockingFixed')
        : check.warnings.length > 0 && !confirmedWarnings
          ? t('needWarningsConfirmed')
          : toneQuestions.some((_, index) => !ticked[index])
            ? t('needTone')
            : null;
    setError(refusal);
    if (refusal) {
      if (!text.trim()) textRef.current?.focus();
      else document.getElementById('composer-controle-sectie')?.focus();
      return;
    }
    pending.current = {
      text: finalText,
      private: conversation.visibility === 'openbaar' && privately,
      confirmedWarnings: check.warnings.length > 0,
      media: images.map((image) => ({ imageId: image.id, altText: image.altText.trim() })),
      review: reviewRequest,
    };
    // Nothing leaves before a colleague approved it: no undo window needed.
    if (reviewRequest.wanted) {
      void send();
      return;
    }
    undo.start();
    setAnnouncement('');
    // Focus on the undo button: Enter right away stops the reply.
    requestAnimationFrame(() => undoRef.current?.focus());
  };

  const cancel = () => {
    undo.cancel();
    setAnnouncement(t('undone'));
    textRef.current?.focus();
  };

  const insert = (insertion: string) => {
    const filled = fillReplyText(insertion, {
      residentName: name,
      municipalityName: me.municipalities.find((m) => m.id === conversation.municipalityId)?.name ?? null,
      agentName: me.user.name,
      initials,
    });
    const at = textRef.current?.selectionStart ?? text.length;
    const next = insertAt(text, filled, at);
    setText(next.text);
    setAnnouncement(t('inserted'));
    requestAnimationFrame(() => {
      textRef.current?.focus();
      textRef.current?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && undo.waiting) {
      event.preventDefault();
      cancel();
    }
  };

  if (!capabilities.reply) return null;
  const locked = undo.waiting || sending;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the composer undoes a pending send
    <section className="plein-section plein-composer" aria-labelledby={ids.heading} onKeyDown={onKeyDown}>
      <Heading level={2} id={ids.heading}>
        {t('heading')}
      </Heading>
      <div className="plein-composer__layout">
        <div className="plein-composer__main">
          {error && (
            <Alert type="error" title={t('failed')}>
              <p className="utrecht-paragraph">{error}</p>
            </Alert>
          )}
          <div className="utrecht-form-field utrecht-form-field--distanced plein-field">
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor={ids.text}>
                {t('label', { name })}
              </label>
            </div>
            <div className="utrecht-form-field__input">
              <textarea
                id={ids.text}
                ref={textRef}
                className="utrecht-textarea utrecht-textarea--html-textarea plein-composer__text"
                rows={6}
                value={text}
                readOnly={locked}
                onChange={(event) => setText(event.target.value)}
                aria-describedby={ids.counter}
              />
            </div>
            <p id={ids.counter} className={`utrecht-paragraph plein-counter${check.length.fits ? '' : ' plein-composer__counter--over'}`}>
              {check.length.max === null
                ? t('counterNoMax', { length: check.length.length })
                : t('counter', { length: check.length.length, max: check.length.max, channel: capabilities.label })}
              {check.parts.length > 1 && ` ${t('counterThread', { parts: check.parts.length })}`}
            </p>
          </div>
          <CheckboxField label={t('signature', { signature: formatSignature(initials) })} checked={signed} onChange={setSigned} />
          {conversation.visibility === 'openbaar' && capabilities.direct ? (
            <fieldset className="plein-fieldset plein-composer__audience" disabled={locked}>
              <legend className="utrecht-form-fieldset__legend">{t('audience')}</legend>
              {[false, true].map((value) => (
                <label key={String(value)} className="utrecht-form-label utrecht-form-label--radio-button plein-composer__radio">
                  <input
                    type="radio"
                    className="utrecht-radio-button utrecht-radio-button--html-input"
                    name={`${ids.text}-publiek`}
                    checked={privately === value}
                    onChange={() => setPrivately(value)}
                  />
                  {value ? t('private') : t('public')}
                </label>
              ))}
            </fieldset>
          ) : (
            <p className="utrecht-paragraph plein-muted">
              {conversation.visibility === 'prive' ? t('privateOnly', { name }) : t('publicOnly', { channel: capabilities.label })}
            </p>
          )}
          {check.parts.length > 1 && (
            <section aria-label={t('threadHeading', { parts: check.parts.length })} className="plein-composer__thread">
              <Heading level={3}>{t('threadHeading', { parts: check.parts.length })}</Heading>
              <ol>
                {check.parts.map((part) => (
                  <li key={part} className="plein-pre-line">
                    {part}
                  </li>
                ))}
              </ol>
            </section>
          )}
          <ComposerImages
            conversationId={conversation.id}
            capabilities={capabilities}
            images={images}
            onChange={setImages}
            onAnnounce={setAnnouncement}
            showMissing={tried}
            disabled={locked}
          />
          <ReviewChoice conversationId={conversation.id} value={reviewRequest} onChange={setReviewRequest} disabled={locked} />
          <ComposerChecks
            check={check}
            toneQuestions={toneQuestions}
            ticked={ticked}
            onTick={(index, checked) => setTicked((current) => toneQuestions.map((_, i) => (i === index ? checked : (current[i] ?? false))))}
            confirmedWarnings={confirmedWarnings}
            onConfirmWarnings={setConfirmedWarnings}
            disabled={locked}
          />
          <div className="plein-composer__actions">
            {undo.waiting ? (
              <>
                <Button ref={undoRef} appearance="primary" onClick={cancel}>
                  {t('undo')}
                </Button>
                <span className="plein-composer__countdown" aria-hidden="true">
                  {t('countdown', { seconds: secondsLeft ?? 0 })}
                </span>
              </>
            ) : (
              <Button appearance="primary" busy={sending} onClick={startSending}>
                {reviewRequest.wanted ? review('submit') : t('send')}
              </Button>
            )}
          </div>
          <div role="status" className="plein-visually-hidden">
            {countdownAnnouncement || announcement}
          </div>
        </div>
        <KnowledgePanel municipalityId={conversation.municipalityId} onInsert={insert} />
      </div>
    </section>
  );
}

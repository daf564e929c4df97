import type { satisfactionViewSchema } from '@contracts/conversation-satisfaction';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { z } from 'zod';
import { api, ProblemError } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { createKeyPerContent } from '../../app/idempotency';
import { useFormSubmit } from '../../app/use-form-submit';
import { Button, FormProblem, Heading, Loading, PageHeader, Paragraph, PublicLinkError, PublicLinkNotice, TextAreaField } from '../../ui';
import { webcareTevredenheidMessages } from './webcare-tevredenheid-messages';
import './tevredenheid.css';

type SurveyView = z.infer<typeof satisfactionViewSchema>;
type Outcome = 'thanks' | 'answered' | 'expired';

const SCORES = [1, 2, 3, 4, 5] as const;
const MAX_COMMENT = 1_000;

// The link in the reply after a webcare conversation was closed: one question (1–5) and room for a
// comment, without an account.
export function WebcareTevredenheidPage() {
  const { slug = '', token = '' } = useParams();
  const t = useMessages(webcareTevredenheidMessages);
  const url = `/api/v1/organisations/${encodeURIComponent(slug)}/conversation-satisfaction/${encodeURIComponent(token)}`;
  const view = useQuery({ queryKey: ['webcare-tevredenheid', slug, token], queryFn: () => api.get<SurveyView>(url), retry: false });
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  if (view.isPending) return <Loading label={t('loading')} />;
  if (view.isError) {
    const texts = {
      expiredTitle: t('expiredTitle'),
      expiredText: t('expiredText'),
      notFoundTitle: t('notFoundTitle'),
      notFoundText: t('notFoundText'),
      loadFailed: t('loadFailed'),
    };
    return <PublicLinkError error={view.error} texts={texts} />;
  }
  if (outcome === 'expired') return <PublicLinkNotice title={t('expiredTitle')} text={t('expiredText')} />;
  if (view.data.answered && !outcome) return <PublicLinkNotice title={t('answeredTitle')} text={t('answeredText')} />;

  return (
    <div className="plein-narrow plein-tevredenheid">
      <PageHeader
        title={t('title')}
        documentTitle={t('documentTitle')}
        lead={outcome ? undefined : <Paragraph lead>{t('lead', { municipality: view.data.municipality, channel: view.data.channel })}</Paragraph>}
      />
      {outcome === 'thanks' && <Thanks title={t('thanksTitle')} text={t('thanksText')} />}
      {outcome === 'answered' && <Thanks title={t('answeredTitle')} text={t('answeredText')} />}
      {!outcome && <ScoreForm url={url} onDone={setOutcome} />}
    </div>
  );
}

function ScoreForm({ url, onDone }: { url: string; onDone: (outcome: Outcome) => void }) {
  const t = useMessages(webcareTevredenheidMessages);
  const id = useId();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [keyFor] = useState(createKeyPerContent);

  const { submit, errors, problem, busy } = useFormSubmit({
    validate: (): Record<string, string> => (score === null ? { score: t('questionRequired') } : {}),
    send: async () => {
      try {
        const body = { score, ...(comment.trim() && { comment: comment.trim() }) };
        await api.post(url, body, { idempotencyKey: keyFor(body) });
        onDone('thanks');
      } catch (error) {
        if (error instanceof ProblemError && error.status === 409) return onDone('answered');
        if (error instanceof ProblemError && error.status === 410) return onDone('expired');
        throw error;
      }
    },
    fields: ['score', 'comment'],
  });
  const error = errors.score;
  const describedBy = [`${id}-uitleg`, error && `${id}-fout`].filter(Boolean).join(' ');

  return (
    <form className="utrecht-form plein-form" onSubmit={submit} noValidate aria-busy={busy || undefined}>
      <FormProblem title={t('sendFailed')} problem={problem} />
      <Paragraph className="plein-muted">{t('requiredNote')}</Paragraph>
      <div className={['utrecht-form-fieldset', 'utrecht-form-fieldset--distanced', error && 'utrecht-form-fieldset--invalid'].filter(Boolean).join(' ')}>
        <fieldset
          className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset plein-fieldset"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        >
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('question')}</legend>
          <div id={`${id}-uitleg`} className="utrecht-form-field-description">
            {t('questionHelp')}
          </div>
          {error && (
            <div id={`${id}-fout`} className="utrecht-form-field-error-message plein-field-error">
              {error}
            </div>
          )}
          {SCORES.map((value) => (
            <div key={value} className="plein-tevredenheid-radio">
              <input
                id={`${id}-${value}`}
                type="radio"
                className="utrecht-radio-button utrecht-radio-button--html-input"
                name={`${id}-cijfer`}
                checked={score === value}
                onChange={() => setScore(value)}
              />
              <label htmlFor={`${id}-${value}`} className="utrecht-form-label utrecht-form-label--radio-button">
                {t(`score.${value}`)}
              </label>
            </div>
          ))}
        </fieldset>
      </div>
      <TextAreaField
        label={t('comment')}
        description={t('commentHelp')}
        rows={5}
        maxLength={MAX_COMMENT}
        value={comment}
        onChange={setComment}
        error={errors.comment}
      />
      <div className="plein-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {busy ? t('sending') : t('submit')}
        </Button>
      </div>
    </form>
  );
}

// The answer arrived: said in a status message, with focus on its heading so nobody wonders what happened.
function Thanks({ title, text }: { title: string; text: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="utrecht-alert utrecht-alert--ok plein-alert plein-tevredenheid-thanks" role="status">
      <div className="utrecht-alert__icon plein-alert__icon" aria-hidden="true">
        ✓
      </div>
      <div className="utrecht-alert__content">
        <Heading level={2} ref={ref} tabIndex={-1}>
          {title}
        </Heading>
        <Paragraph>{text}</Paragraph>
      </div>
    </div>
  );
}

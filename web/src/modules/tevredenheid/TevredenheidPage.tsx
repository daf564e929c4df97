import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { api, ProblemError } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { createKeyPerContent } from '../../app/idempotency';
import { useFormSubmit } from '../../app/use-form-submit';
import { Button, CheckboxGroup, FormProblem, Heading, Loading, PageHeader, Paragraph, PublicLinkError, PublicLinkNotice, TextAreaField } from '../../ui';
import { tevredenheidMessages } from './tevredenheid-messages';
import './tevredenheid.css';

interface KtoView {
  number: string;
  category: string;
  expiresAt: string;
  answered: boolean;
  reasons: Array<{ code: string; label: string }>;
}

interface KtoReceipt {
  received: boolean;
  reopenRequested: boolean;
}

type Outcome = { kind: 'thanks'; reopenRequested: boolean } | { kind: 'answered' } | { kind: 'expired' };

const MAX_COMMENT = 2_000;

// The link from the "afgehandeld" e-mail: two questions on how a melding was handled, without an account.
export function TevredenheidPage() {
  const { slug = '', token = '' } = useParams();
  const t = useMessages(tevredenheidMessages);
  const url = `/api/v1/organisations/${encodeURIComponent(slug)}/kto/${encodeURIComponent(token)}`;
  const view = useQuery({ queryKey: ['kto', slug, token], queryFn: () => api.get<KtoView>(url), retry: false });
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
  const kto = view.data;
  if (outcome?.kind === 'expired') return <PublicLinkNotice title={t('expiredTitle')} text={t('expiredText')} />;
  if (kto.answered && !outcome) return <PublicLinkNotice title={t('answeredTitle')} text={t('answeredText')} />;

  return (
    <div className="plein-narrow plein-tevredenheid">
      <PageHeader
        title={t('title', { number: kto.number, category: kto.category })}
        documentTitle={t('documentTitle', { number: kto.number })}
        lead={outcome ? undefined : <Paragraph lead>{t('lead')}</Paragraph>}
      />
      {outcome?.kind === 'thanks' && <Thanks title={t('thanksTitle')} text={t('thanksText')} extra={outcome.reopenRequested ? t('thanksReopen') : undefined} />}
      {outcome?.kind === 'answered' && <Thanks title={t('answeredTitle')} text={t('answeredText')} />}
      {!outcome && <KtoForm url={url} reasons={kto.reasons} onDone={setOutcome} />}
    </div>
  );
}

function KtoForm({ url, reasons, onDone }: { url: string; reasons: KtoView['reasons']; onDone: (outcome: Outcome) => void }) {
  const t = useMessages(tevredenheidMessages);
  const id = useId();
  const [satisfied, setSatisfied] = useState<boolean | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [keyFor] = useState(createKeyPerContent);

  const send = async () => {
    const unhappy = satisfied === false;
    try {
      const body = { satisfied, reasons: unhappy ? chosen : [], ...(unhappy && comment.trim() && { comment: comment.trim() }) };
      const receipt = await api.post<KtoReceipt>(url, body, { idempotencyKey: keyFor(body) });
      onDone({ kind: 'thanks', reopenRequested: receipt.reopenRequested });
    } catch (error) {
      if (error instanceof ProblemError && error.status === 409) return onDone({ kind: 'answered' });
      if (error instanceof ProblemError && error.status === 410) return onDone({ kind: 'expired' });
      throw error;
    }
  };

  const { submit, errors, problem, busy } = useFormSubmit({
    validate: (): Record<string, string> => (satisfied === null ? { satisfied: t('questionRequired') } : {}),
    send,
    fields: ['satisfied', 'reasons', 'comment'],
  });
  const error = errors.satisfied;
  const reasonOptions = reasons.map((reason) => {
    const key = `reason.${reason.code}` as Parameters<typeof t>[0];
    return { value: reason.code, label: key in tevredenheidMessages.nl ? t(key) : reason.label };
  });

  return (
    <form className="utrecht-form plein-form" onSubmit={submit} noValidate aria-busy={busy || undefined}>
      <FormProblem title={t('sendFailed')} problem={problem} />
      <Paragraph className="plein-muted">{t('requiredNote')}</Paragraph>
      <div className={['utrecht-form-fieldset', 'utrecht-form-fieldset--distanced', error && 'utrecht-form-fieldset--invalid'].filter(Boolean).join(' ')}>
        <fieldset
          className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset plein-fieldset"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-fout` : undefined}
        >
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('question')}</legend>
          {error && (
            <div id={`${id}-fout`} className="utrecht-form-field-error-message plein-field-error">
              {error}
            </div>
          )}
          {[
            { value: true, label: t('yes') },
            { value: false, label: t('no') },
          ].map((option) => (
            <div key={String(option.value)} className="plein-tevredenheid-radio">
              <input
                id={`${id}-${option.value}`}
                type="radio"
                className="utrecht-radio-button utrecht-radio-button--html-input"
                name={`${id}-tevreden`}
                checked={satisfied === option.value}
                onChange={() => setSatisfied(option.value)}
              />
              <label htmlFor={`${id}-${option.value}`} className="utrecht-form-label utrecht-form-label--radio-button">
                {option.label}
              </label>
            </div>
          ))}
        </fieldset>
      </div>
      {satisfied === false && (
        <>
          <CheckboxGroup
            legend={t('reasons')}
            description={t('reasonsHelp')}
            options={reasonOptions}
            selected={chosen}
            onChange={setChosen}
            error={errors.reasons}
          />
          <TextAreaField
            label={t('comment')}
            description={t('commentHelp')}
            rows={5}
            maxLength={MAX_COMMENT}
            value={comment}
            onChange={setComment}
            error={errors.comment}
          />
        </>
      )}
      <div className="plein-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {busy ? t('sending') : t('submit')}
        </Button>
      </div>
    </form>
  );
}

// The answer arrived: said in a status message, with focus on its heading so nobody wonders what happened.
function Thanks({ title, text, extra }: { title: string; text: string; extra?: string }) {
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
        {extra && <Paragraph>{extra}</Paragraph>}
      </div>
    </div>
  );
}

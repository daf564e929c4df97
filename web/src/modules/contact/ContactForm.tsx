import { useEffect, useRef, useState } from 'react';
import { api, ProblemError } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { createKeyPerContent } from '../../app/idempotency';
import { useFormSubmit } from '../../app/use-form-submit';
import { Alert, Button, FormProblem, Paragraph, TextAreaField, TextField } from '../../ui';
import { contactMessages } from './contact-messages';
import { ProofOfWorkUnavailable } from './proof-of-work';
import { type ContactProof, useContactProof } from './use-contact-proof';

// The server refuses a form sent within 3 seconds of its challenge; a little margin avoids a second refusal.
const MIN_FILL_MS = 3_500;

type Phase = 'idle' | 'sending' | 'retrying';

export function ContactForm({ basePath }: { basePath: string }) {
  const t = useMessages(contactMessages);
  const [values, setValues] = useState({ name: '', email: '', subject: '', message: '', website: '' });
  const [phase, setPhase] = useState<Phase>('idle');
  const [received, setReceived] = useState(false);
  const proof = useContactProof(basePath);
  const [keyFor] = useState(createKeyPerContent);
  const set = (key: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [key]: value }));

  const post = (solved: ContactProof) => {
    const body = {
      email: values.email.trim(),
      message: values.message.trim(),
      website: values.website,
      challenge: solved.challenge,
      nonce: solved.nonce,
      ...(values.name.trim() && { name: values.name.trim() }),
      ...(values.subject.trim() && { subject: values.subject.trim() }),
    };
    return api.post(`${basePath}/contact`, body, { idempotencyKey: keyFor(body) });
  };

  const send = async () => {
    setPhase('sending');
    try {
      const solved = await proof.take();
      try {
        await post(solved);
      } catch (error) {
        if (!(error instanceof ProblemError && error.code === 'te-snel')) throw error;
        // Sent quicker than the server allows: wait out the rest of the time and try once more by ourselves.
        setPhase('retrying');
        await sleep(Math.max(1_000, MIN_FILL_MS - (Date.now() - solved.issuedAt)));
        setPhase('sending');
        await post(solved);
      }
      setReceived(true);
    } catch (error) {
      if (error instanceof ProofOfWorkUnavailable) throw unsupportedProblem(t('unsupported'));
      // A refused challenge cannot be used again; the next attempt gets a fresh one.
      if (error instanceof ProblemError && error.code === 'formulier-geweigerd') proof.renew();
      throw error;
    } finally {
      setPhase('idle');
    }
  };

  const { submit, errors, problem } = useFormSubmit({
    validate: () => {
      const found: Record<string, string> = {};
      const email = values.email.trim();
      if (!email) found.email = t('required');
      else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) found.email = t('invalidEmail');
      if (!values.message.trim()) found.message = t('required');
      else if (values.message.trim().length < 5) found.message = t('messageTooShort');
      return found;
    },
    send,
    fields: ['name', 'email', 'subject', 'message'],
  });

  if (received) return <Confirmation />;

  const busy = phase !== 'idle';
  return (
    <form className="utrecht-form plein-form" onSubmit={submit} noValidate aria-busy={busy || undefined}>
      <FormProblem title={t('sendFailed')} problem={problem} />
      <Paragraph className="plein-muted">{t('requiredNote')}</Paragraph>
      <TextField label={t('name')} autoComplete="name" value={values.name} onChange={set('name')} error={errors.name} />
      <TextField
        label={t('email')}
        description={t('emailHelp')}
        type="email"
        autoComplete="email"
        value={values.email}
        onChange={set('email')}
        error={errors.email}
      />
      <TextField label={t('subject')} value={values.subject} onChange={set('subject')} error={errors.subject} />
      <TextAreaField label={t('message')} description={t('messageHelp')} rows={8} value={values.message} onChange={set('message')} error={errors.message} />
      <Honeypot label={t('honeypot')} value={values.website} onChange={set('website')} />
      <div className="plein-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {busy ? t('sending') : t('submit')}
        </Button>
      </div>
      <p className="utrecht-paragraph plein-form__progress" role="status" aria-live="polite">
        {phase === 'sending' ? t('sending') : phase === 'retrying' ? t('retrying') : ''}
      </p>
    </form>
  );
}

// A field only bots fill in: off screen, out of the tab order and hidden from assistive technology,
// so no person — with or without a screen reader — ever meets it.
function Honeypot({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <div className="plein-honeypot" aria-hidden="true">
      <label htmlFor="contact-website">{label}</label>
      <input
        id="contact-website"
        name="website"
        type="text"
        tabIndex={-1}
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

function Confirmation() {
  const t = useMessages(contactMessages);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="plein-confirmation">
      <Alert type="ok" title={t('thanksTitle')}>
        <Paragraph>{t('thanksText')}</Paragraph>
      </Alert>
    </div>
  );
}

function unsupportedProblem(detail: string): ProblemError {
  return new ProblemError({ status: 0, code: 'pow-niet-beschikbaar', title: detail, detail, invalidParams: [] });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

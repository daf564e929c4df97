import { type FormEvent, useState } from 'react';
import { api, ProblemError } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { Alert, AppLink, Button, focusFirstInvalid, PageHeader, Paragraph, TextField } from '../../ui';
import { authMessages } from './auth-messages';

export function ForgotPasswordPage() {
  const t = useMessages(authMessages);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [sentMessage, setSentMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setProblem(null);
    if (!email.trim()) {
      setError(t('required'));
      focusFirstInvalid(form);
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const answer = await api.post<{ message: string }>('/api/v1/password-resets', { email: email.trim() });
      setSentMessage(answer.message);
    } catch (caught) {
      if (!(caught instanceof ProblemError)) throw caught;
      const fields = caught.fieldErrors();
      if (fields.email) setError(fields.email);
      else setProblem(caught.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="plein-narrow">
      <PageHeader title={t('forgotTitle')} lead={<Paragraph lead>{t('forgotLead')}</Paragraph>} />
      {sentMessage ? (
        <Alert type="ok" title={t('forgotSent')}>
          <Paragraph>{sentMessage}</Paragraph>
        </Alert>
      ) : (
        <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
          {problem && <Alert type="error">{problem}</Alert>}
          <TextField label={t('email')} type="email" autoComplete="email" value={email} onChange={setEmail} error={error} />
          <div className="plein-form__actions">
            <Button type="submit" appearance="primary" busy={busy}>
              {busy ? t('sending') : t('submitForgot')}
            </Button>
          </div>
        </form>
      )}
      <Paragraph>
        <AppLink to="/inloggen">{t('backToSignIn')}</AppLink>
      </Paragraph>
    </div>
  );
}

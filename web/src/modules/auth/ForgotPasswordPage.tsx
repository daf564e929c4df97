import { useState } from 'react';
import { api } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Alert, AppLink, Button, PageHeader, Paragraph, TextField } from '../../ui';
import { authMessages } from './auth-messages';

export function ForgotPasswordPage() {
  const t = useMessages(authMessages);
  const [email, setEmail] = useState('');
  const [sentMessage, setSentMessage] = useState<string | null>(null);
  const { submit, errors, problem, busy } = useFormSubmit({
    validate: (): Record<string, string> => (email.trim() ? {} : { email: t('required') }),
    send: async () => {
      const answer = await api.post<{ message: string }>('/api/v1/password-resets', { email: email.trim() });
      setSentMessage(answer.message);
    },
    fields: ['email'],
  });

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
          <TextField label={t('email')} type="email" autoComplete="email" value={email} onChange={setEmail} error={errors.email} />
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

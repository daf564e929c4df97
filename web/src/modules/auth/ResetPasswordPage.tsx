import { useState } from 'react';
import { useLocation } from 'react-router';
import { api } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Alert, AppLink, Button, PageHeader, Paragraph, TextField } from '../../ui';
import { authMessages } from './auth-messages';

const MIN_PASSWORD_LENGTH = 12;

// The mailed link carries the token in the fragment, which browsers never send to a server or in a Referer.
function tokenFromHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token');
}

export function ResetPasswordPage() {
  const t = useMessages(authMessages);
  const location = useLocation();
  const [token] = useState(() => tokenFromHash(location.hash));
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const { submit, errors, problem, busy } = useFormSubmit({
    validate: () => {
      const found: Record<string, string> = {};
      if (password.length < MIN_PASSWORD_LENGTH) found.password = t('tooShort');
      if (repeat !== password) found.repeat = t('passwordsDiffer');
      return found;
    },
    send: async () => {
      await api.post('/api/v1/password-resets/confirmation', { token, password });
      setDone(true);
    },
    fields: ['password', 'repeat'],
  });

  return (
    <div className="plein-narrow">
      <PageHeader title={t('resetTitle')} lead={<Paragraph lead>{t('resetLead')}</Paragraph>} />
      {!token ? (
        <Alert type="error">
          <Paragraph>{t('tokenMissing')}</Paragraph>
          <Paragraph>
            <AppLink to="/wachtwoord-vergeten">{t('requestNewLink')}</AppLink>
          </Paragraph>
        </Alert>
      ) : done ? (
        <Alert type="ok">
          <Paragraph>{t('resetDone')}</Paragraph>
          <Paragraph>
            <AppLink to="/inloggen">{t('backToSignIn')}</AppLink>
          </Paragraph>
        </Alert>
      ) : (
        <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
          {problem && (
            <Alert type="error" title={t('resetFailed')}>
              <Paragraph>{problem}</Paragraph>
              <Paragraph>
                <AppLink to="/wachtwoord-vergeten">{t('requestNewLink')}</AppLink>
              </Paragraph>
            </Alert>
          )}
          <TextField
            label={t('newPassword')}
            description={t('newPasswordHelp')}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={setPassword}
            error={errors.password}
          />
          <TextField label={t('repeatPassword')} type="password" autoComplete="new-password" value={repeat} onChange={setRepeat} error={errors.repeat} />
          <div className="plein-form__actions">
            <Button type="submit" appearance="primary" busy={busy}>
              {busy ? t('saving') : t('submitReset')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

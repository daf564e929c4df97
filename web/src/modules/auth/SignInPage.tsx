import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ProblemError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { Alert, AppLink, Button, focusFirstInvalid, PageHeader, Paragraph, TextField } from '../../ui';
import { authMessages } from './auth-messages';

interface LocationState {
  from?: string;
}

export function SignInPage() {
  const t = useMessages(authMessages);
  const { me, signIn, signedOut } = useAuth();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as LocationState;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [askOrganisation, setAskOrganisation] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (me && !busy) return <Navigate to={state.from ?? '/'} replace />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const missing: Record<string, string> = {};
    if (!email.trim()) missing.email = t('required');
    if (!password) missing.password = t('required');
    if (askOrganisation && !organisation.trim()) missing.organisation = t('required');
    setFieldErrors(missing);
    setProblem(null);
    if (Object.keys(missing).length > 0) {
      focusFirstInvalid(form);
      return;
    }
    setBusy(true);
    try {
      await signIn({ email: email.trim(), password, ...(askOrganisation && { organisation: organisation.trim() }) });
      navigate(state.from ?? '/', { replace: true });
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      if (error.code === 'organisatie-kiezen') setAskOrganisation(true);
      const errors = error.fieldErrors();
      setFieldErrors(errors);
      focusFirstInvalid(form);
      if (Object.keys(errors).length === 0 || error.code === 'organisatie-kiezen') setProblem(error.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="plein-narrow">
      <PageHeader title={t('signInTitle')} lead={<Paragraph lead>{t('signInLead')}</Paragraph>} />
      {signedOut && !problem && <Alert type="ok">{t('signedOut')}</Alert>}
      {problem && (
        <Alert type="error" title={t('signInFailed')}>
          <Paragraph>{problem}</Paragraph>
        </Alert>
      )}
      <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
        <TextField label={t('email')} type="email" autoComplete="username" value={email} onChange={setEmail} error={fieldErrors.email} />
        <TextField
          label={t('password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={fieldErrors.password}
        />
        {askOrganisation && (
          <TextField
            label={t('organisation')}
            description={t('organisationHelp')}
            autoComplete="organization"
            value={organisation}
            onChange={setOrganisation}
            error={fieldErrors.organisation}
            autoFocus
          />
        )}
        <div className="plein-form__actions">
          <Button type="submit" appearance="primary" busy={busy}>
            {busy ? t('signingIn') : t('submitSignIn')}
          </Button>
          <AppLink to="/wachtwoord-vergeten">{t('forgotLink')}</AppLink>
        </div>
      </form>
    </div>
  );
}

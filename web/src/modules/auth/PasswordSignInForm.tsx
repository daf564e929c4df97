import { type FormEvent, useState } from 'react';
import { ProblemError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { AppLink, Button, FormProblem, Paragraph, TextField, useFocusFirstInvalid } from '../../ui';
import { authMessages } from './auth-messages';
import { OidcButton } from './OidcButton';
import { toOrganisationSlug, useDebouncedValue, useSignInOptions } from './sign-in-options';

export interface PasswordSignInFormProps {
  // The organisation the page was opened for, filled in when the address belongs to more than one.
  organisationSlug: string;
  // Whose sign-in button the page already shows above this form, so it is not offered twice.
  offeredOidcSlug: string | null;
  // Secondary when the organisation's own sign-in is the main way in.
  secondary: boolean;
  onAttempt: () => void;
}

export function PasswordSignInForm({ organisationSlug, offeredOidcSlug, secondary, onAttempt }: PasswordSignInFormProps) {
  const t = useMessages(authMessages);
  const { signIn } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [askOrganisation, setAskOrganisation] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focusFirstInvalid = useFocusFirstInvalid();
  const typedSlug = useDebouncedValue(toOrganisationSlug(organisation), 400);
  const typedOptions = useSignInOptions(askOrganisation && typedSlug !== offeredOidcSlug ? typedSlug : '');
  const typedOidc = typedOptions.data?.oidc;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    onAttempt();
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
      // Signed in, the page itself leads on to where the person was going.
      await signIn({ email: email.trim(), password, ...(askOrganisation && { organisation: toOrganisationSlug(organisation) }) });
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      if (error.code === 'organisatie-kiezen') {
        setAskOrganisation(true);
        setOrganisation((current) => current || organisationSlug);
      }
      const errors = error.fieldErrors();
      setFieldErrors(errors);
      focusFirstInvalid(form);
      if (Object.keys(errors).length === 0 || error.code === 'organisatie-kiezen') setProblem(error.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
      <FormProblem title={t('signInFailed')} problem={problem} />
      <TextField label={t('email')} type="email" autoComplete="username" value={email} onChange={setEmail} error={fieldErrors.email} />
      <TextField label={t('password')} type="password" autoComplete="current-password" value={password} onChange={setPassword} error={fieldErrors.password} />
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
      <div aria-live="polite">
        {askOrganisation && typedOidc && (
          <div className="plein-oidc-offer">
            <Paragraph>{t('oidcOffer')}</Paragraph>
            <OidcButton oidc={typedOidc} slug={typedSlug} appearance="secondary" />
          </div>
        )}
      </div>
      <div className="plein-form__actions">
        <Button type="submit" appearance={secondary ? 'secondary' : 'primary'} busy={busy}>
          {busy ? t('signingIn') : t('submitSignIn')}
        </Button>
        <AppLink to="/wachtwoord-vergeten">{t('forgotLink')}</AppLink>
      </div>
    </form>
  );
}

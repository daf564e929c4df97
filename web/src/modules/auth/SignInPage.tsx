import { useEffect, useState } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { ProblemError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { Alert, Heading, Loading, PageHeader, Paragraph } from '../../ui';
import { authMessages } from './auth-messages';
import { OidcButton } from './OidcButton';
import { PasswordSignInForm } from './PasswordSignInForm';
import { parseSignInErrorCode, signInErrorMessages } from './sign-in-error-messages';
import { isOrganisationSlug, recallOrganisation, rememberOrganisation, toOrganisationSlug, useSignInOptions } from './sign-in-options';

interface LocationState {
  from?: string;
}

// /inloggen?organisatie=<slug> is the address a municipality gives its staff; /inloggen?fout=<code> is where
// a failed sign-in at the organisation's identity provider comes back to.
export function SignInPage() {
  const t = useMessages(authMessages);
  const errorText = useMessages(signInErrorMessages);
  const { me, signedOut } = useAuth();
  const state = (useLocation().state ?? {}) as LocationState;
  const [params] = useSearchParams();
  const linkedSlug = toOrganisationSlug(params.get('organisatie'));
  const [remembered] = useState(recallOrganisation);
  const slug = linkedSlug || remembered;
  const options = useSignInOptions(slug);
  const errorCode = parseSignInErrorCode(params.get('fout'));
  const [showErrorCode, setShowErrorCode] = useState(true);
  // Network trouble (status 0) or a server error says nothing about whether the organisation exists.
  const notFound = options.error instanceof ProblemError && options.error.status >= 400 && options.error.status < 500;

  useEffect(() => {
    if (options.isSuccess && linkedSlug) rememberOrganisation(linkedSlug);
    if (notFound && !linkedSlug) rememberOrganisation(null);
  }, [options.isSuccess, notFound, linkedSlug]);

  if (me) return <Navigate to={state.from ?? '/'} replace />;

  const oidc = options.data?.oidc ?? null;
  const passwordEnabled = options.data?.passwordEnabled ?? true;
  const unknownOrganisation = linkedSlug !== '' && (notFound || !isOrganisationSlug(linkedSlug));

  return (
    <div className="plein-narrow">
      <PageHeader title={t('signInTitle')} lead={<Paragraph lead>{oidc ? t('signInLeadOidc') : t('signInLead')}</Paragraph>} />
      {signedOut && !errorCode && <Alert type="ok">{t('signedOut')}</Alert>}
      {errorCode && showErrorCode && (
        <Alert type="error" title={errorText('title')}>
          <Paragraph>{errorText(errorCode)}</Paragraph>
        </Alert>
      )}
      {unknownOrganisation && <Alert type="info">{t('unknownOrganisation', { slug: linkedSlug })}</Alert>}
      {linkedSlug && options.isFetching && <Loading label={t('loadingOptions')} />}
      {oidc && (
        <div className="plein-oidc-sign-in">
          <OidcButton oidc={oidc} slug={slug} />
        </div>
      )}
      {passwordEnabled && (
        <>
          {oidc && (
            <Heading level={2} className="plein-divider">
              {t('orPassword')}
            </Heading>
          )}
          <PasswordSignInForm
            organisationSlug={slug}
            offeredOidcSlug={oidc ? slug : null}
            secondary={oidc !== null}
            onAttempt={() => setShowErrorCode(false)}
          />
        </>
      )}
    </div>
  );
}

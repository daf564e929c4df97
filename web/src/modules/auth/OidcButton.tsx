import type { SignInOptions } from '@contracts/oidc';
import { rememberOrganisation } from './sign-in-options';

type Oidc = NonNullable<SignInOptions['oidc']>;

// A plain link, not client-side navigation: the browser leaves Plein for the organisation's identity provider.
export function OidcButton({ oidc, slug, appearance = 'primary' }: { oidc: Oidc; slug: string; appearance?: 'primary' | 'secondary' }) {
  return (
    <a
      className={`utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${appearance}-action plein-oidc-button`}
      href={oidc.authorizeUrl}
      onClick={() => rememberOrganisation(slug)}
    >
      {oidc.displayName}
    </a>
  );
}

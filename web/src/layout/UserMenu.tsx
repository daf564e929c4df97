import { useState } from 'react';
import { useAuth } from '../app/auth-context';
import { useMessages } from '../app/i18n';
import { AppLink } from '../ui';
import { layoutMessages } from './layout-messages';

export function UserMenu() {
  const t = useMessages(layoutMessages);
  const { me, signOut } = useAuth();
  const [busy, setBusy] = useState(false);
  if (!me) return null;

  const doSignOut = async () => {
    setBusy(true);
    // Once signed out, RequireAuth sends the page to the sign-in form, which confirms the sign-out.
    try {
      await signOut();
    } finally {
      setBusy(false);
    }
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of controls named for screen readers, without a fieldset's border and legend
    <div className="plein-user" role="group" aria-label={t('userMenu')}>
      <span className="plein-user__avatar" aria-hidden="true">
        {initialsOf(me.user.name)}
      </span>
      <span className="plein-user__name">
        <span className="plein-visually-hidden">{t('signedInAs')} </span>
        {me.user.name}
      </span>
      <AppLink to="/profiel/tokens" className="plein-user__link">
        {t('myTokens')}
      </AppLink>
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action plein-topbar__button"
        onClick={() => void doSignOut()}
        disabled={busy}
        aria-busy={busy || undefined}
      >
        {busy ? t('signingOut') : t('signOut')}
      </button>
    </div>
  );
}

function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

import { Outlet } from 'react-router';
import { useAuth } from '../app/auth-context';
import { useMessages } from '../app/i18n';
import { AppLink, SkipLink } from '../ui';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { layoutMessages } from './layout-messages';
import { SiteFooter } from './SiteFooter';
import { WorkspaceLayout } from './WorkspaceLayout';

export function PublicLayout() {
  const t = useMessages(layoutMessages);
  const { me } = useAuth();
  return (
    <div className="plein-app plein-app--public">
      <SkipLink targetId="inhoud">{t('skipToContent')}</SkipLink>
      <header className="plein-topbar">
        <div className="plein-topbar__start">
          <Brand to={me ? '/' : '/inloggen'} />
        </div>
        <div className="plein-topbar__end">
          <LanguageSwitch />
          {me ? <AppLink to="/">{t('toWorkspace')}</AppLink> : null}
        </div>
      </header>
      <main id="inhoud" tabIndex={-1} className="plein-main plein-main--public">
        <Outlet />
      </main>
      <SiteFooter />
    </div>
  );
}

// Pages anyone may open (404, accessibility statement) appear inside the workspace for signed-in staff.
export function AdaptiveLayout() {
  const { me, loading } = useAuth();
  if (loading) return null;
  return me ? <WorkspaceLayout /> : <PublicLayout />;
}

import { useEffect, useRef, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useAuth } from '../app/auth-context';
import { useMessages } from '../app/i18n';
import { SkipLink } from '../ui';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { layoutMessages } from './layout-messages';
import { MunicipalitySwitcher } from './MunicipalitySwitcher';
import { NavIcon } from './nav-icons';
import { SideNav } from './SideNav';
import { SiteFooter } from './SiteFooter';
import { UserMenu } from './UserMenu';

const NAV_ID = 'hoofdmenu';
const ACCOUNT_ID = 'account';

export function WorkspaceLayout() {
  const t = useMessages(layoutMessages);
  const { me } = useAuth();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButtonRef = useRef<HTMLButtonElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the menu closes whenever the page changes, which is what the path stands for
  useEffect(() => setMenuOpen(false), [location.pathname]);

  useEffect(() => {
    if (!menuOpen) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      menuButtonRef.current?.focus();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [menuOpen]);

  return (
    <div className="plein-app">
      <SkipLink targetId="inhoud">{t('skipToContent')}</SkipLink>
      <header className="plein-topbar">
        <div className="plein-topbar__start">
          <button
            ref={menuButtonRef}
            type="button"
            className="utrecht-button utrecht-button--subtle plein-menu-button"
            aria-expanded={menuOpen}
            aria-controls={`${NAV_ID} ${ACCOUNT_ID}`}
            onClick={() => setMenuOpen((open) => !open)}
          >
            <NavIcon name={menuOpen ? 'sluiten' : 'menu'} />
            <span>{menuOpen ? t('closeMenu') : t('menu')}</span>
          </button>
          <Brand organisationName={me?.organisation.name} />
        </div>
        <div className="plein-topbar__end">
          <MunicipalitySwitcher />
          {/* On phones this part folds behind the menu button together with the navigation. */}
          <div id={ACCOUNT_ID} className={['plein-topbar__account', menuOpen && 'plein-topbar__account--open'].filter(Boolean).join(' ')}>
            <LanguageSwitch />
            <UserMenu />
          </div>
        </div>
      </header>
      <div className="plein-workspace">
        <SideNav id={NAV_ID} open={menuOpen} onNavigate={() => setMenuOpen(false)} />
        <div className="plein-workspace__main">
          <main id="inhoud" tabIndex={-1} className="plein-main">
            <Outlet />
          </main>
          <SiteFooter />
        </div>
      </div>
    </div>
  );
}

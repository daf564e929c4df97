import { NavLink, Outlet } from 'react-router';
import { useAuth } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { beheerMessages } from './beheer-messages';
import { BEHEER_SECTIONS } from './beheer-sections';

export function BeheerLayout() {
  const t = useMessages(beheerMessages);
  const { can } = useAuth();
  const sections = BEHEER_SECTIONS.filter((section) => can(section.permission));
  return (
    <>
      <nav className="plein-subnav" aria-label={t('sectionNav')}>
        <ul className="plein-subnav__list">
          <li>
            <NavLink end to="/beheer" className={({ isActive }) => ['plein-subnav__link', isActive && 'plein-subnav__link--current'].filter(Boolean).join(' ')}>
              {t('overview')}
            </NavLink>
          </li>
          {sections.map((section) => (
            <li key={section.path}>
              <NavLink
                to={section.path}
                className={({ isActive }) => ['plein-subnav__link', isActive && 'plein-subnav__link--current'].filter(Boolean).join(' ')}
              >
                {t(section.key)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}

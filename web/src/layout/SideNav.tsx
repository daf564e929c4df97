import { NavLink } from 'react-router';
import { useAuth } from '../app/auth-context';
import { useMessages } from '../app/i18n';
import { layoutMessages } from './layout-messages';
import { NavIcon } from './nav-icons';
import { canSeeBeheer, canSeeInbox, canSeeKlachten, canSeeZenden, WORKSPACE_AREAS } from './navigation';

export function SideNav({ id, open, onNavigate }: { id: string; open: boolean; onNavigate: () => void }) {
  const t = useMessages(layoutMessages);
  const { me } = useAuth();
  const areas: string[] = WORKSPACE_AREAS.filter(
    (area) => (area !== 'inbox' || (me && canSeeInbox(me.permissions))) && (area !== 'zenden' || (me && canSeeZenden(me.permissions))),
  );
  if (me && canSeeKlachten(me.permissions)) areas.splice(areas.indexOf('meldingen') + 1, 0, 'klachten');
  if (me && canSeeBeheer(me.permissions)) areas.push('beheer');
  return (
    <nav id={id} className={['plein-sidenav', open && 'plein-sidenav--open'].filter(Boolean).join(' ')} aria-label={t('mainNavigation')}>
      <ul className="utrecht-nav-list plein-sidenav__list">
        {areas.map((area) => (
          <li key={area} className="utrecht-nav-list__item plein-sidenav__item">
            <NavLink
              to={`/${area}`}
              className={({ isActive }) =>
                ['utrecht-nav-list__link', 'plein-sidenav__link', isActive && 'plein-sidenav__link--current'].filter(Boolean).join(' ')
              }
              onClick={onNavigate}
            >
              <NavIcon name={area} />
              <span>{t(area as 'luisteren')}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

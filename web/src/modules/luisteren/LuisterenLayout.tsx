import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useAuth } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { Loading, PageHeader, Paragraph } from '../../ui';
import { luisterenMessages } from './luisteren-messages';
import { useLiveAlerts } from './luisteren-queries';
import './luisteren.css';

const SECTIONS = [
  { path: '/luisteren', key: 'navExplore', end: true },
  { path: '/luisteren/monitors', key: 'navMonitors', end: false },
  { path: '/luisteren/signalen', key: 'navAlerts', end: false },
  { path: '/luisteren/betrouwbaarheid', key: 'navReliability', end: false },
  { path: '/luisteren/netwerk', key: 'navNetwork', end: false },
  { path: '/luisteren/lijsten', key: 'navLists', end: false },
  { path: '/luisteren/analyses', key: 'navAnalyses', end: false },
  { path: '/luisteren/geruchten', key: 'navRumours', end: false },
] as const;

// Every Luisteren page: the sub-navigation, and new alerts heard live while any of them is open.
export function LuisterenLayout() {
  const t = useMessages(luisterenMessages);
  const { can } = useAuth();
  // /luisteren is where everyone lands after signing in, also those whose role has no listening.
  if (!can('listening.read')) {
    return (
      <>
        <PageHeader title={t('noAccessTitle')} />
        <Paragraph>{t('noAccessText')}</Paragraph>
      </>
    );
  }
  return <ListeningArea />;
}

function ListeningArea() {
  const t = useMessages(luisterenMessages);
  useLiveAlerts();
  return (
    <>
      <nav className="plein-subnav" aria-label={t('sectionNav')}>
        <ul className="plein-subnav__list">
          {SECTIONS.map((section) => (
            <li key={section.path}>
              <NavLink
                end={section.end}
                to={section.path}
                className={({ isActive }) => ['plein-subnav__link', isActive && 'plein-subnav__link--current'].filter(Boolean).join(' ')}
              >
                {t(section.key)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Suspense fallback={<Loading label={t('loadingPage')} />}>
        <Outlet />
      </Suspense>
    </>
  );
}

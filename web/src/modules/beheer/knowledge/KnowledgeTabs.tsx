import { NavLink } from 'react-router';
import { useMessages } from '../../../app/i18n';
import { knowledgeMessages } from './knowledge-messages';

// The three parts of the knowledge base share one page title area; links, so each part has its own address.
export function KnowledgeTabs() {
  const t = useMessages(knowledgeMessages);
  const tabs = [
    { to: '/beheer/kennisbank', label: t('articles'), end: true },
    { to: '/beheer/kennisbank/webcareteksten', label: t('templates'), end: false },
    { to: '/beheer/kennisbank/toonkader', label: t('toneCode'), end: false },
  ];
  return (
    <nav aria-label={t('tabs')} className="plein-knowledge-tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end} className="utrecht-link utrecht-link--html-a plein-knowledge-tabs__link">
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import { Link } from 'react-router';
import { useAuth } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { PageHeader, Paragraph } from '../../ui';
import { beheerMessages } from './beheer-messages';
import { BEHEER_SECTIONS } from './beheer-sections';

export function BeheerIndexPage() {
  const t = useMessages(beheerMessages);
  const { can } = useAuth();
  const sections = BEHEER_SECTIONS.filter((section) => can(section.permission));
  return (
    <>
      <PageHeader title={t('title')} lead={<Paragraph lead>{t('lead')}</Paragraph>} />
      <ul className="plein-card-list">
        {sections.map((section) => (
          <li key={section.path} className="plein-card">
            <Link to={section.path} className="plein-card__link">
              {t(section.key)}
            </Link>
            <p className="utrecht-paragraph plein-card__text">{t(`${section.key}Text`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

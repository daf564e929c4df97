import { useMessages } from '../app/i18n';
import { AppLink } from '../ui';
import { layoutMessages } from './layout-messages';

export function SiteFooter() {
  const t = useMessages(layoutMessages);
  return (
    <footer className="plein-footer">
      <div className="plein-footer__content">
        <p className="utrecht-paragraph">{t('footerText')}</p>
        <ul className="plein-footer__links">
          <li>
            <AppLink to="/toegankelijkheid">{t('accessibility')}</AppLink>
          </li>
          <li>
            <a className="utrecht-link utrecht-link--html-a" href="/api/docs">
              {t('apiDocs')}
            </a>
          </li>
        </ul>
      </div>
    </footer>
  );
}

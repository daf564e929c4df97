import { useAuth } from '../../app/auth-context';
import { defineMessages, useMessages } from '../../app/i18n';
import { AppLink, PageHeader, Paragraph } from '../../ui';

const messages = defineMessages({
  nl: {
    title: 'Pagina niet gevonden',
    text: 'Deze pagina bestaat niet (meer). Misschien is het adres verkeerd getypt, of is de pagina verplaatst.',
    toStart: 'Naar de startpagina',
    toSignIn: 'Naar inloggen',
    toStatement: 'Toegankelijkheidsverklaring',
  },
  en: {
    title: 'Page not found',
    text: 'This page does not exist (anymore). The address may have been mistyped, or the page has moved.',
    toStart: 'Go to the start page',
    toSignIn: 'Go to sign in',
    toStatement: 'Accessibility statement',
  },
});

export function NotFoundPage() {
  const t = useMessages(messages);
  const { me } = useAuth();
  return (
    <div className="plein-narrow">
      <PageHeader title={t('title')} />
      <Paragraph lead>{t('text')}</Paragraph>
      <ul className="plein-link-list">
        <li>{me ? <AppLink to="/">{t('toStart')}</AppLink> : <AppLink to="/inloggen">{t('toSignIn')}</AppLink>}</li>
        <li>
          <AppLink to="/toegankelijkheid">{t('toStatement')}</AppLink>
        </li>
      </ul>
    </div>
  );
}

import { useAuth } from '../../app/auth-context';
import { useLocale } from '../../app/i18n';
import { type AreaContent, AreaPlaceholderPage } from '../../layout/AreaPlaceholderPage';
import { ButtonLink } from '../../ui';

const content: { nl: AreaContent; en: AreaContent } = {
  nl: {
    title: 'Inzicht',
    lead: 'Hoe goed gaat het contact met inwoners? Cijfers per gemeente en voor de werkorganisatie.',
    emptyTitle: 'Nog geen cijfers',
    emptyText: 'Inzicht wordt nu gebouwd. Zodra er berichten, meldingen en reacties zijn, ziet u hier de cijfers, altijd met een tabel naast elke grafiek.',
    plannedHeading: 'Wat hier komt',
    planned: [
      'Dashboards: volumes, reactietijden tegen de normen, tenor, tevredenheid en bereik',
      'Benchmarks met andere gemeenten, berekend zoals in de bronnen',
      'Het groeimodel als zelfevaluatie, met advies voor de volgende stap',
      'Export als CSV en pdf, en een API voor uw eigen BI',
    ],
  },
  en: {
    title: 'Insights',
    lead: 'How well does contact with residents go? Figures per municipality and for the shared organisation.',
    emptyTitle: 'No figures yet',
    emptyText: 'Insights are being built. Once there are messages, reports and replies, you will see the figures here, always with a table next to each chart.',
    plannedHeading: 'What is coming',
    planned: [
      'Dashboards: volumes, response times against norms, tone, satisfaction and reach',
      'Benchmarks with other municipalities, computed as in the sources',
      'The maturity model as a self-assessment, with advice for the next step',
      'Export as CSV and PDF, and an API for your own BI',
    ],
  },
};

// The figures that exist already are one click away; the rest of the area is still to come.
export function InzichtPage() {
  const { can } = useAuth();
  const { locale } = useLocale();
  const satisfaction = can('inbox.read') && (
    <ButtonLink to="/inzicht/tevredenheid">{locale === 'en' ? 'Webcare customer satisfaction' : 'Klanttevredenheid webcare'}</ButtonLink>
  );
  return <AreaPlaceholderPage content={content} actions={satisfaction || undefined} />;
}

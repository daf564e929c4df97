import type { Installation } from '@contracts/installation';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { formatDate } from '../../app/format';
import { useLocale } from '../../app/i18n';
import { Alert, DataList, ExternalLink, Heading, PageHeader, Paragraph } from '../../ui';
import { KNOWN_LIMITATIONS, STATEMENT_DATE, TEST_METHODS } from './statement-content';

// Follows the Dutch government's model statement (toegankelijkheidsverklaring.nl); the text is Dutch on purpose.
export function AccessibilityStatementPage() {
  const { me } = useAuth();
  const { locale } = useLocale();
  const organisation = me?.organisation.name ?? 'de organisatie die deze installatie van Plein beheert';
  const contactEmail = useAccessibilityContact();

  return (
    <div className="plein-prose" lang="nl">
      {/* The soft hyphen lets the long word break properly on a 360 px screen. */}
      <PageHeader title={'Toegankelijkheids\u00ADverklaring'} documentTitle="Toegankelijkheidsverklaring" />
      {locale === 'en' && (
        <div lang="en">
          <Alert type="info">This statement is available in Dutch only; the English translation of Plein is partial (see below).</Alert>
        </div>
      )}
      <Paragraph lead>
        {capitalise(organisation)} wil dat iedereen de Plein webapplicatie kan gebruiken, ook mensen met een beperking. Daarom houden we ons aan de
        toegankelijkheidseisen voor overheden: EN 301 549 en de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA.
      </Paragraph>
      <DataList
        items={[
          { key: 'Organisatie', value: capitalise(organisation) },
          { key: 'Reikwijdte', value: "Plein webapplicatie: de werkomgeving voor medewerkers en de openbare pagina's van deze installatie" },
          { key: 'Status', value: <strong>Voldoet gedeeltelijk</strong> },
          { key: 'Datum verklaring', value: formatDate(STATEMENT_DATE) },
          { key: 'Norm', value: 'WCAG 2.1 niveau AA (EN 301 549)' },
        ]}
      />

      <Heading level={2}>Status: voldoet gedeeltelijk</Heading>
      <Paragraph>
        De Plein webapplicatie voldoet gedeeltelijk aan de eisen. We weten van de onderdelen hieronder dat ze nog niet (helemaal) voldoen of nog niet bestaan.
        We werken eraan en passen deze verklaring aan zodra er iets verandert.
      </Paragraph>
      <Heading level={3}>Bekende beperkingen</Heading>
      <ul className="utrecht-unordered-list">
        {KNOWN_LIMITATIONS.map((item) => (
          <li key={item.title} className="utrecht-unordered-list__item">
            <strong>{item.title}.</strong> {item.text}
          </li>
        ))}
      </ul>

      <Heading level={2}>Hoe we dit hebben getoetst</Heading>
      <Paragraph>We hebben de webapplicatie zelf onderzocht (zelfevaluatie). Dat doen we bij elke wijziging opnieuw, automatisch:</Paragraph>
      <ul className="utrecht-unordered-list">
        {TEST_METHODS.map((method) => (
          <li key={method} className="utrecht-unordered-list__item">
            {method}
          </li>
        ))}
      </ul>
      <Paragraph>
        Een onderzoek door een onafhankelijke deskundige is nog niet gedaan; dat plannen we voordat de eerste gemeente Plein in gebruik neemt.
      </Paragraph>

      <Heading level={2}>Een probleem melden</Heading>
      <Paragraph>
        Kunt u iets niet gebruiken of lezen? Of ziet u iets dat beter kan?{' '}
        {contactEmail ? (
          <>
            Mail naar <ExternalLink href={`mailto:${contactEmail}`}>{contactEmail}</ExternalLink> of vraag de beheerder van uw organisatie.
          </>
        ) : (
          <>Vraag het de beheerder van uw organisatie; die geeft het door aan de beheerder van deze installatie.</>
        )}{' '}
        Vertel ons op welke pagina het was en wat er misging. U krijgt binnen 5 werkdagen een ontvangstbevestiging en binnen 3 weken een inhoudelijke reactie.
      </Paragraph>

      <Heading level={2}>Handhavingsprocedure</Heading>
      <Paragraph>
        Bent u niet tevreden met hoe wij uw melding hebben afgehandeld? Of krijgt u geen reactie? Dan kunt u contact opnemen met de{' '}
        <ExternalLink href="https://www.nationaleombudsman.nl/klacht-indienen/uw-klacht">Nationale ombudsman</ExternalLink>. Heeft uw gemeente een eigen
        ombudsman of ombudscommissie, dan kunt u ook daar terecht.
      </Paragraph>

      <Heading level={2}>Wettelijke basis</Heading>
      <Paragraph>
        Overheidsinstanties moeten hun websites en apps toegankelijk maken volgens het Besluit digitale toegankelijkheid overheid. Meer informatie staat op{' '}
        <ExternalLink href="https://www.digitoegankelijk.nl">digitoegankelijk.nl</ExternalLink>.
      </Paragraph>
    </div>
  );
}

// The operator sets the address (PLEIN_CONTACT_EMAIL); without one the statement says so rather than invent one.
function useAccessibilityContact(): string | null {
  const installation = useQuery({ queryKey: ['installation'], queryFn: () => api.get<Installation>('/api/v1/installation'), staleTime: Infinity });
  return installation.data?.contactEmail ?? null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

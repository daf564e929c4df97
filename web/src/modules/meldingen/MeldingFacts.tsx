import type { MeldingCategory } from '@contracts/meldingen';
import { formatDateTime } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { DataList, EmailAddress, Heading, Paragraph } from '../../ui';
import { useTeams, useUsers } from '../beheer/organisation-queries';
import { meldingenMessages } from './meldingen-messages';
import type { MeldingDetail } from './meldingen-queries';

// Everything the resident wrote is shown as plain text: React escapes it, nothing is ever rendered as HTML.
export function MeldingFacts({
  melding,
  category,
  municipalityName,
}: {
  melding: MeldingDetail;
  category: MeldingCategory | undefined;
  municipalityName: string;
}) {
  const t = useMessages(meldingenMessages);
  const teams = useTeams();
  const users = useUsers();
  const answer = (value: unknown) => (typeof value === 'boolean' ? (value ? t('yes') : t('no')) : String(value ?? ''));
  const questionLabel = (key: string) => category?.extraQuestions.find((question) => question.key === key)?.label ?? key;
  const answers = Object.entries(melding.answers).filter(([, value]) => value !== '' && value !== null && value !== undefined);
  const team = teams.data?.find((item) => item.id === melding.assignedTeamId)?.name;
  const person = users.data?.find((item) => item.id === melding.assignedUserId)?.name;

  return (
    <section className="plein-section" aria-labelledby="gegevens">
      <Heading level={2} id="gegevens">
        {t('detailsHeading')}
      </Heading>
      <DataList
        items={[
          { key: t('description'), value: <span className="plein-break plein-pre-line">{melding.description}</span> },
          ...answers.map(([key, value]) => ({ key: questionLabel(key), value: <span className="plein-break">{answer(value)}</span> })),
          { key: t('address'), value: <span className="plein-break">{[melding.address, municipalityName].filter(Boolean).join(', ')}</span> },
          { key: t('coordinates'), value: `${melding.lat.toFixed(6)}, ${melding.lon.toFixed(6)}` },
          { key: t('createdAt'), value: formatDateTime(melding.createdAt) },
          { key: t('source'), value: t(`source.${melding.source}`) },
          { key: t('servicePromise'), value: melding.servicePromise },
          { key: t('department'), value: category?.departments.join(', ') || '–' },
          { key: t('team'), value: team ?? t('nobody') },
          { key: t('person'), value: person ?? t('nobody') },
        ]}
      />
    </section>
  );
}

// The API sends contact details only to those who handle meldingen; the page shows what it got.
export function ReporterContact({ melding }: { melding: MeldingDetail }) {
  const t = useMessages(meldingenMessages);
  const shown = melding.reporterEmail !== null || melding.reporterPhone !== null;
  return (
    <section className="plein-section" aria-labelledby="melder">
      <Heading level={2} id="melder">
        {t('reporter')}
      </Heading>
      {shown ? (
        <DataList
          items={[
            ...(melding.reporterEmail ? [{ key: t('reporterEmail'), value: <EmailAddress value={melding.reporterEmail} /> }] : []),
            ...(melding.reporterPhone ? [{ key: t('reporterPhone'), value: melding.reporterPhone }] : []),
          ]}
        />
      ) : (
        <Paragraph>{melding.hasReporterContact ? t('reporterHidden') : t('reporterNone')}</Paragraph>
      )}
    </section>
  );
}

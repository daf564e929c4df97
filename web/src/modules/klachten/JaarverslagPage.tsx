import { KLACHT_THEMES, type KlachtReport } from '@contracts/klachten';
import { type FormEvent, useState } from 'react';
import { useMe } from '../../app/auth-context';
import { formatNumber } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { AppLink, Button, DataTable, Heading, PageHeader, Paragraph, QueryState, SelectField } from '../../ui';
import { BarChart } from './BarChart';
import { klachtenMessages } from './klachten-messages';
import { buildReportQuery, useKlachtReport } from './klachten-queries';

const OUTCOME_KEYS = ['gegrond', 'deels-gegrond', 'ongegrond', 'informeel-opgelost', 'niet-in-behandeling', 'ingetrokken'] as const;

export function JaarverslagPage() {
  const t = useMessages(klachtenMessages);
  const me = useMe();
  const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date()));
  const [chosen, setChosen] = useState({ municipalityId: me.municipalities.length === 1 ? me.municipalities[0]!.id : '', year: thisYear });
  const [draft, setDraft] = useState({ municipalityId: chosen.municipalityId, year: String(chosen.year) });
  const report = useKlachtReport(chosen.municipalityId, chosen.year);
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChosen({ municipalityId: draft.municipalityId, year: Number(draft.year) });
  };
  return (
    <>
      <Paragraph>
        <AppLink to="/klachten">{t('backToList')}</AppLink>
      </Paragraph>
      <PageHeader title={t('reportTitle')} lead={<Paragraph lead>{t('reportLead')}</Paragraph>} />
      <form className="plein-filters" onSubmit={apply} noValidate aria-label={t('reportTitle')}>
        <div className="plein-filters__fields">
          {me.municipalities.length > 1 && (
            <SelectField
              label={t('municipality')}
              value={draft.municipalityId}
              onChange={(municipalityId) => setDraft((current) => ({ ...current, municipalityId }))}
              options={[{ value: '', label: t('allMunicipalities') }, ...me.municipalities.map((m) => ({ value: m.id, label: m.name }))]}
            />
          )}
          <SelectField
            label={t('year')}
            value={draft.year}
            onChange={(year) => setDraft((current) => ({ ...current, year }))}
            options={[0, 1, 2, 3, 4].map((back) => ({ value: String(thisYear - back), label: String(thisYear - back) }))}
          />
        </div>
        <div className="plein-form__actions">
          <Button type="submit" appearance="primary">
            {t('show')}
          </Button>
        </div>
      </form>
      <QueryState query={report} loadingLabel={t('reportLoading')} errorTitle={t('reportFailed')}>
        {(figures) => <ReportView report={figures} />}
      </QueryState>
    </>
  );
}

function ReportView({ report }: { report: KlachtReport }) {
  const t = useMessages(klachtenMessages);
  const query = buildReportQuery(report.municipalityId ?? '', report.year);
  const days = (value: number | null) => (value === null ? t('none') : t('days', { value: formatNumber(value) }));
  const outcomes = OUTCOME_KEYS.map((key) => ({ label: t(`outcome.${key}`), value: report.outcomes[key] }));
  const themes = KLACHT_THEMES.map((theme) => ({ label: t(`theme.${theme}`), value: report.themes[theme] }));
  const keyFigures = [
    { label: t('received'), value: formatNumber(report.received) },
    { label: t('handled'), value: formatNumber(report.handled) },
    { label: t('openAtYearEnd'), value: formatNumber(report.openAtYearEnd) },
    { label: `${t('leadTimeHeading')}: ${t('averageDays').toLowerCase()}`, value: days(report.leadTime.averageDays) },
    { label: `${t('leadTimeHeading')}: ${t('medianDays').toLowerCase()}`, value: days(report.leadTime.medianDays) },
    { label: t('withinTerm'), value: report.leadTime.withinTermPercent === null ? t('none') : `${formatNumber(report.leadTime.withinTermPercent)}%` },
    { label: t('basis'), value: report.leadTime.basis === 1 ? t('klachtenOne') : t('klachten', { value: formatNumber(report.leadTime.basis) }) },
    { label: t('extended'), value: formatNumber(report.extended) },
  ];
  return (
    <section aria-labelledby="jaarverslag-titel">
      <Heading level={2} id="jaarverslag-titel">
        {`${report.year} – ${report.municipalityName}`}
      </Heading>
      <div className="plein-form__actions plein-report-downloads">
        <a
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          href={`/api/v1/klachten-jaarverslag/pdf${query}`}
          download
        >
          {t('downloadPdf')}
        </a>
        <a
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          href={`/api/v1/klachten-jaarverslag/csv${query}`}
          download
        >
          {t('downloadCsv')}
        </a>
      </div>
      <Heading level={3}>{t('keyFigures')}</Heading>
      <FigureTable caption={t('keyFigures')} rows={keyFigures} />
      <Heading level={3}>{t('outcomesHeading')}</Heading>
      <BarChart title={t('outcomesHeading')} bars={outcomes} />
      <FigureTable caption={t('outcomesHeading')} rows={outcomes.map((row) => ({ label: row.label, value: formatNumber(row.value) }))} />
      <Heading level={3}>{t('themesHeading')}</Heading>
      <BarChart title={t('themesHeading')} bars={themes} />
      <FigureTable caption={t('themesHeading')} rows={themes.map((row) => ({ label: row.label, value: formatNumber(row.value) }))} />
      <Paragraph className="plein-muted">{t('reportNote')}</Paragraph>
    </section>
  );
}

function FigureTable({ caption, rows }: { caption: string; rows: Array<{ label: string; value: string }> }) {
  const t = useMessages(klachtenMessages);
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={rows}
      rowKey={(row) => row.label}
      columns={[
        { header: t('category'), cell: (row) => row.label },
        { header: t('figure'), cell: (row) => row.value, numeric: true },
      ]}
    />
  );
}

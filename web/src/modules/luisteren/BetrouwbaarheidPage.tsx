import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate, formatDateTime, formatNumber } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { ButtonLink, DataList, DataTable, EmptyState, Heading, PageHeader, Paragraph, QueryState } from '../../ui';
import { type Agreement, useAgreement } from './luisteren-queries';
import { reliabilityMessages } from './reliability-messages';
import '../inzicht/inzicht.css';

type Period = Agreement['periods'][number];
const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });

// The almanac warns that automatic sentiment is unreliable: this page makes its reliability visible.
export function BetrouwbaarheidPage() {
  const t = useMessages(reliabilityMessages);
  const agreement = useAgreement({});
  const rate = (value: number | null) => (value === null ? t('noRate') : percent.format(value));
  return (
    <>
      <PageHeader title={t('title')} lead={<Paragraph lead>{t('lead')}</Paragraph>} />
      <section className="plein-section" aria-labelledby="waarom-heading">
        <Heading level={2} id="waarom-heading">
          {t('whyHeading')}
        </Heading>
        <Paragraph>{t('why1')}</Paragraph>
        <Paragraph>{t('why2')}</Paragraph>
      </section>
      <QueryState query={agreement} loadingLabel={t('loading')} errorTitle={t('loadFailed')}>
        {(data) =>
          data.reviewed === 0 ? (
            <EmptyState title={t('emptyTitle')} action={<ButtonLink to="/luisteren">{t('toExplore')}</ButtonLink>}>
              <Paragraph>{t('emptyText')}</Paragraph>
            </EmptyState>
          ) : (
            <>
              <section className="plein-section" aria-labelledby="totaal-heading">
                <Heading level={2} id="totaal-heading">
                  {t('totalsHeading')}
                </Heading>
                <DataList
                  items={[
                    { key: t('reviewed'), value: formatNumber(data.reviewed) },
                    { key: t('agreed'), value: formatNumber(data.agreed) },
                    { key: t('rate'), value: rate(data.rate) },
                  ]}
                />
              </section>
              <section className="plein-section" aria-labelledby="week-heading">
                <Heading level={2} id="week-heading">
                  {t('perWeekHeading')}
                </Heading>
                <Paragraph className="plein-muted">{t('chartLabel')}</Paragraph>
                <div className="plein-chart-with-table plein-luisteren-chart-table">
                  <div className="plein-luisteren-chart">
                    <ResponsiveContainer width="100%" height={260}>
                      <LineChart
                        data={data.periods.map((period) => ({
                          week: formatDate(period.from),
                          rate: period.rate === null ? null : Math.round(period.rate * 1000) / 10,
                        }))}
                        accessibilityLayer
                        aria-label={t('tableCaption')}
                        margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
                      >
                        <CartesianGrid strokeDasharray="3 3" />
                        <XAxis dataKey="week" tick={{ fill: '#1a1a1a', fontSize: 12 }} />
                        <YAxis domain={[0, 100]} unit="%" tick={{ fill: '#1a1a1a', fontSize: 12 }} width={48} />
                        <Tooltip formatter={(value) => [`${formatNumber(Number(value))}%`, t('rate')]} />
                        <Line
                          dataKey="rate"
                          name={t('rate')}
                          stroke="var(--plein-accent-on-white)"
                          strokeWidth={2}
                          dot={{ r: 4 }}
                          connectNulls
                          isAnimationActive={false}
                        />
                      </LineChart>
                    </ResponsiveContainer>
                  </div>
                  <DataTable<Period>
                    caption={t('tableCaption')}
                    rows={data.periods}
                    rowKey={(period) => period.from}
                    columns={[
                      { header: t('weekOf'), cell: (period) => <time dateTime={period.from}>{formatDate(period.from)}</time> },
                      { header: t('reviewed'), numeric: true, cell: (period) => formatNumber(period.reviewed) },
                      { header: t('agreedShort'), numeric: true, cell: (period) => formatNumber(period.agreed) },
                      { header: t('rate'), numeric: true, cell: (period) => rate(period.rate) },
                    ]}
                  />
                </div>
              </section>
            </>
          )
        }
      </QueryState>
      <QueryState query={agreement} loadingLabel={t('loading')} errorTitle={t('loadFailed')}>
        {(data) => (
          <section className="plein-section" aria-labelledby="model-heading">
            <Heading level={2} id="model-heading">
              {t('modelHeading')}
            </Heading>
            {data.model ? (
              <DataList
                items={[
                  { key: t('version'), value: String(data.model.version) },
                  { key: t('trainedOn'), value: t('trainedOnValue', { count: formatNumber(data.model.trainedOn) }) },
                  { key: t('trainedAt'), value: <time dateTime={data.model.trainedAt}>{formatDateTime(data.model.trainedAt)}</time> },
                ]}
              />
            ) : (
              <Paragraph>{t('modelNone')}</Paragraph>
            )}
          </section>
        )}
      </QueryState>
    </>
  );
}

import type { RumourDetail } from '@contracts/rumours';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate, formatDateTime, formatNumber } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { DataTable, Heading, Paragraph } from '../../ui';
import { rumourMessages } from './rumour-messages';

type Point = RumourDetail['spread'][number] & { label: string };

// The rumour and its correction on one time axis. The lines differ in colour and in dash, so the chart does
// not depend on colour alone; the same numbers are in the table below.
export function RumourSpreadChart({ rumour }: { rumour: RumourDetail }) {
  const t = useMessages(rumourMessages);
  const bucket = t(`bucket.${rumour.bucket}`);
  const moment = (at: string) => (rumour.bucket === 'dag' ? formatDate(at) : formatDateTime(at));
  const rows: Point[] = rumour.spread.map((point) => ({ ...point, label: moment(point.at) }));
  const hasCorrection = rumour.correction.message !== null || rumour.correction.url !== null;
  return (
    <section className="plein-section" aria-labelledby="verspreiding-heading">
      <Heading level={2} id="verspreiding-heading">
        {t('spreadHeading')}
      </Heading>
      {rows.length === 0 ? (
        <Paragraph>{t('spreadEmpty')}</Paragraph>
      ) : (
        <>
          <p className="utrecht-paragraph plein-muted" id="verspreiding-uitleg">
            {t('spreadLabel', { bucket })}
          </p>
          <div className="plein-luisteren-chart">
            <ResponsiveContainer width="100%" height={300}>
              <LineChart
                data={rows}
                accessibilityLayer
                aria-label={t('spreadHeading')}
                aria-describedby="verspreiding-uitleg"
                margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
              >
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={{ fill: '#1a1a1a', fontSize: 12 }} minTickGap={16} />
                <YAxis allowDecimals={false} tick={{ fill: '#1a1a1a', fontSize: 12 }} width={40} tickFormatter={(value: number) => formatNumber(value)} />
                <Tooltip formatter={(value, name) => [formatNumber(Number(value)), String(name)]} />
                <Legend />
                <Line type="linear" dataKey="rumour" name={t('seriesRumour')} stroke="#b3261e" strokeWidth={3} dot={{ r: 3 }} isAnimationActive={false} />
                {hasCorrection && (
                  <Line
                    type="linear"
                    dataKey="correction"
                    name={t('seriesCorrection')}
                    stroke="#0b5394"
                    strokeWidth={3}
                    strokeDasharray="8 4"
                    dot={{ r: 3 }}
                    isAnimationActive={false}
                  />
                )}
              </LineChart>
            </ResponsiveContainer>
          </div>
          <details className="plein-details">
            <summary>{t('spreadTable', { bucket })}</summary>
            <DataTable<Point>
              caption={t('spreadTable', { bucket })}
              captionHidden
              rows={rows}
              rowKey={(row) => row.at}
              columns={[
                { header: t('moment'), cell: (row) => <time dateTime={row.at}>{row.label}</time> },
                { header: t('seriesRumour'), numeric: true, cell: (row) => formatNumber(row.rumour) },
                ...(hasCorrection ? [{ header: t('seriesCorrection'), numeric: true, cell: (row: Point) => formatNumber(row.correction) }] : []),
              ]}
            />
          </details>
        </>
      )}
    </section>
  );
}

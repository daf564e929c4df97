import { type ListeningOverview, TENORS } from '@contracts/luisteren';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate, formatDateTime, formatNumber } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { Heading } from '../../ui';
import { exploreMessages } from './explore-messages';
import { luisterenMessages } from './luisteren-messages';
import { TENOR_COLOURS } from './TenorBadge';
import { TenorTable } from './TenorTable';

// Volume per hour or day, stacked by tenor. recharts' accessibility layer lets keyboard users step through
// the bars (arrow keys, with the tooltip), and the same numbers stand in a table below for everyone else.
export function VolumeChart({ overview }: { overview: ListeningOverview }) {
  const t = useMessages(exploreMessages);
  const names = useMessages(luisterenMessages);
  const bucket = t(`bucket.${overview.bucket}`);
  const moment = (at: string) => (overview.bucket === 'dag' ? formatDate(at) : formatDateTime(at));
  const rows = overview.volume.map((entry) => ({ ...entry, label: moment(entry.at), total: TENORS.reduce((sum, tenor) => sum + entry[tenor], 0) }));
  return (
    <section className="plein-section" aria-labelledby="volume-heading">
      <Heading level={2} id="volume-heading">
        {t('volumeHeading')}
      </Heading>
      <p className="utrecht-paragraph plein-muted" id="volume-uitleg">
        {t('volumeChartLabel', { bucket })}
      </p>
      <div className="plein-luisteren-chart">
        <ResponsiveContainer width="100%" height={300}>
          <BarChart
            data={rows}
            accessibilityLayer
            aria-label={t('volumeHeading')}
            aria-describedby="volume-uitleg"
            margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fill: '#1a1a1a', fontSize: 12 }} minTickGap={16} />
            <YAxis allowDecimals={false} tick={{ fill: '#1a1a1a', fontSize: 12 }} width={40} tickFormatter={(value: number) => formatNumber(value)} />
            <Tooltip formatter={(value, name) => [formatNumber(Number(value)), String(name)]} />
            <Legend />
            {TENORS.map((tenor) => (
              <Bar key={tenor} dataKey={tenor} name={names(`tenor.${tenor}`)} stackId="tenor" fill={TENOR_COLOURS[tenor]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <TenorTable
        caption={t('volumeTable', { bucket })}
        rows={rows}
        moment={{ header: t('moment'), dateTime: (row) => row.at, label: (row) => row.label }}
        total={{ header: t('totalColumn'), value: (row) => row.total }}
      />
    </section>
  );
}

import { TENORS } from '@contracts/luisteren';
import type { AuthorProfile } from '@contracts/network';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate, formatNumber } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { DataTable, Heading, Paragraph } from '../../ui';
import { luisterenMessages } from './luisteren-messages';
import { networkMessages } from './network-messages';
import { TENOR_COLOURS } from './TenorBadge';
import { TenorTable } from './TenorTable';

type Week = AuthorProfile['weeks'][number] & { label: string };

const axisTick = { fill: '#1a1a1a', fontSize: 12 };
const decimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

// How often the author wrote, week by week. recharts' accessibility layer lets keyboard users step through the
// bars; the sentence above says it in words and the table below has the same numbers.
export function FrequencyChart({ weeks }: { weeks: AuthorProfile['weeks'] }) {
  const t = useMessages(networkMessages);
  const rows: Week[] = weeks.map((week) => ({ ...week, label: formatDate(week.week) }));
  const total = rows.reduce((sum, week) => sum + week.items, 0);
  return (
    <section className="plein-section" aria-labelledby="frequentie-heading">
      <Heading level={2} id="frequentie-heading">
        {t('frequencyHeading')}
      </Heading>
      <Paragraph>{t('frequencySummary', { count: formatNumber(total), average: decimal.format(total / Math.max(1, rows.length)) })}</Paragraph>
      <p className="utrecht-paragraph plein-muted" id="frequentie-uitleg">
        {t('frequencyLabel')}
      </p>
      <div className="plein-luisteren-chart">
        <ResponsiveContainer width="100%" height={240}>
          <BarChart
            data={rows}
            accessibilityLayer
            aria-label={t('frequencyHeading')}
            aria-describedby="frequentie-uitleg"
            margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={axisTick} minTickGap={16} />
            <YAxis allowDecimals={false} tick={axisTick} width={40} tickFormatter={(value: number) => formatNumber(value)} />
            <Tooltip formatter={(value) => [formatNumber(Number(value)), t('items')]} />
            <Bar dataKey="items" name={t('items')} fill="#0b5394" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="plein-details">
        <summary>{t('frequencyTable')}</summary>
        <DataTable<Week>
          caption={t('frequencyTable')}
          captionHidden
          rows={rows}
          rowKey={(row) => row.week}
          columns={[
            { header: t('week'), cell: (row) => <time dateTime={row.week}>{row.label}</time> },
            { header: t('items'), numeric: true, cell: (row) => formatNumber(row.items) },
          ]}
        />
      </details>
    </section>
  );
}

// The tenor of what the author wrote, week by week, stacked in the tenor colours (each with its name in the
// legend and tooltip, so colour is never the only cue), with a summary in words and the table.
export function TenorChart({ weeks }: { weeks: AuthorProfile['weeks'] }) {
  const t = useMessages(networkMessages);
  const names = useMessages(luisterenMessages);
  const rows: Week[] = weeks.map((week) => ({ ...week, label: formatDate(week.week) }));
  const totals = Object.fromEntries(TENORS.map((tenor) => [tenor, formatNumber(rows.reduce((sum, week) => sum + week[tenor], 0))]));
  return (
    <section className="plein-section" aria-labelledby="tenor-week-heading">
      <Heading level={2} id="tenor-week-heading">
        {t('tenorHeading')}
      </Heading>
      <Paragraph>{t('tenorSummary', totals)}</Paragraph>
      <p className="utrecht-paragraph plein-muted" id="tenor-week-uitleg">
        {t('tenorLabel')}
      </p>
      <div className="plein-luisteren-chart">
        <ResponsiveContainer width="100%" height={280}>
          <BarChart
            data={rows}
            accessibilityLayer
            aria-label={t('tenorHeading')}
            aria-describedby="tenor-week-uitleg"
            margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={axisTick} minTickGap={16} />
            <YAxis allowDecimals={false} tick={axisTick} width={40} tickFormatter={(value: number) => formatNumber(value)} />
            <Tooltip formatter={(value, name) => [formatNumber(Number(value)), String(name)]} />
            <Legend />
            {TENORS.map((tenor) => (
              <Bar key={tenor} dataKey={tenor} name={names(`tenor.${tenor}`)} stackId="tenor" fill={TENOR_COLOURS[tenor]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <TenorTable
        caption={t('tenorTable')}
        rows={rows}
        moment={{ header: t('week'), dateTime: (row) => row.week, label: (row) => row.label }}
        total={{ header: t('total'), value: (row) => row.items }}
      />
    </section>
  );
}

import type { NetworkPage } from '@contracts/network';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate, formatNumber } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { AppLink, DataTable, Heading } from '../../ui';
import { luisterenMessages } from './luisteren-messages';
import { networkMessages } from './network-messages';

type Row = NetworkPage['composition'][number] & { label: string };

// How the network is made up: authors per group as bars (one colour, the group is in the label, never in the
// colour), and the same numbers with the messages per group in a table that links to the group's authors and items.
export function NetworkCompositionChart({ page }: { page: NetworkPage }) {
  const t = useMessages(networkMessages);
  const names = useMessages(luisterenMessages);
  const rows: Row[] = page.composition.map((row) => ({ ...row, label: names(`group.${row.group}`) }));
  return (
    <section className="plein-section" aria-labelledby="samenstelling-heading">
      <Heading level={2} id="samenstelling-heading">
        {t('compositionHeading')}
      </Heading>
      <p className="utrecht-paragraph plein-muted" id="samenstelling-uitleg">
        {t('compositionLabel', { from: formatDate(page.period.from), until: formatDate(page.period.until) })}
      </p>
      <div className="plein-luisteren-chart">
        <ResponsiveContainer width="100%" height={320}>
          <BarChart
            data={rows}
            layout="vertical"
            accessibilityLayer
            aria-label={t('compositionHeading')}
            aria-describedby="samenstelling-uitleg"
            margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fill: '#1a1a1a', fontSize: 12 }} tickFormatter={(value: number) => formatNumber(value)} />
            <YAxis type="category" dataKey="label" width={170} tick={{ fill: '#1a1a1a', fontSize: 12 }} />
            <Tooltip formatter={(value) => [formatNumber(Number(value)), t('authors')]} />
            <Bar dataKey="authors" name={t('authors')} fill="#0b5394" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="plein-details">
        <summary>{t('compositionTable')}</summary>
        <DataTable<Row>
          caption={t('compositionTable')}
          captionHidden
          rows={rows}
          rowKey={(row) => row.group}
          columns={[
            { header: t('group'), cell: (row) => <AppLink to={`/luisteren/netwerk?groep=${row.group}`}>{row.label}</AppLink> },
            { header: t('authors'), numeric: true, cell: (row) => formatNumber(row.authors) },
            { header: t('items'), numeric: true, cell: (row) => formatNumber(row.items) },
            {
              header: t('itemsColumn'),
              hideLabelWhenStacked: true,
              cell: (row) => (
                <AppLink to={`/luisteren?groep=${row.group}&van=${encodeURIComponent(page.period.from)}`}>{t('showGroupItems', { group: row.label })}</AppLink>
              ),
            },
          ]}
        />
      </details>
    </section>
  );
}

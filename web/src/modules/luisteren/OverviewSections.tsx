import { type ListeningOverview, TENORS, type Tenor } from '@contracts/luisteren';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { AppLink, DataTable, Heading, Paragraph } from '../../ui';
import { exploreMessages } from './explore-messages';
import { buildAuthorPath } from './network-queries';
import { TenorBadge } from './TenorBadge';

type Author = ListeningOverview['topAuthors'][number];
const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });

export function TenorTotals({ overview }: { overview: ListeningOverview }) {
  const t = useMessages(exploreMessages);
  const total = Math.max(
    1,
    TENORS.reduce((sum, tenor) => sum + overview.tenor[tenor], 0),
  );
  return (
    <section className="plein-section" aria-labelledby="tenor-heading">
      <Heading level={2} id="tenor-heading">
        {t('tenorHeading')}
      </Heading>
      <DataTable<Tenor>
        caption={t('tenorTable')}
        captionHidden
        rows={[...TENORS]}
        rowKey={(tenor) => tenor}
        columns={[
          { header: t('tenor'), cell: (tenor) => <TenorBadge tenor={tenor} /> },
          { header: t('count'), numeric: true, cell: (tenor) => formatNumber(overview.tenor[tenor]) },
          { header: t('share'), numeric: true, cell: (tenor) => percent.format(overview.tenor[tenor] / total) },
        ]}
      />
    </section>
  );
}

const handle = (author: Pick<Author, 'handle' | 'name'>) => (author.name ? `${author.name} (@${author.handle})` : `@${author.handle}`);

// Who talks most, and who keeps coming back critical or supportive: more than one such message.
export function TopAuthors({ authors }: { authors: Author[] }) {
  const t = useMessages(exploreMessages);
  const critics = authors.filter((a) => a.critical > 1).sort((a, b) => b.critical - a.critical);
  const supporters = authors.filter((a) => a.supportive > 1).sort((a, b) => b.supportive - a.supportive);
  return (
    <section className="plein-section" aria-labelledby="auteurs-heading">
      <Heading level={2} id="auteurs-heading">
        {t('authorsHeading')}
      </Heading>
      {authors.length === 0 ? (
        <Paragraph>{t('none')}</Paragraph>
      ) : (
        <DataTable<Author>
          caption={t('authorsTable')}
          captionHidden
          rows={authors}
          rowKey={(a) => a.handle}
          columns={[
            {
              header: t('author'),
              cell: (a) => (
                <AppLink to={buildAuthorPath(a.handle)} className="plein-break">
                  {handle(a)}
                </AppLink>
              ),
            },
            { header: t('reach'), numeric: true, cell: (a) => formatNumber(a.reach) },
            { header: t('count'), numeric: true, cell: (a) => formatNumber(a.items) },
            { header: t('critical'), numeric: true, cell: (a) => formatNumber(a.critical) },
            { header: t('supportive'), numeric: true, cell: (a) => formatNumber(a.supportive) },
          ]}
        />
      )}
      <div className="plein-luisteren-columns">
        <div>
          <Heading level={3}>{t('criticsHeading')}</Heading>
          {critics.length === 0 ? (
            <Paragraph>{t('criticsNone')}</Paragraph>
          ) : (
            <ul className="utrecht-unordered-list">
              {critics.map((a) => (
                <li key={a.handle}>{t('criticLine', { author: handle(a), count: formatNumber(a.critical) })}</li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <Heading level={3}>{t('supportersHeading')}</Heading>
          {supporters.length === 0 ? (
            <Paragraph>{t('supportersNone')}</Paragraph>
          ) : (
            <ul className="utrecht-unordered-list">
              {supporters.map((a) => (
                <li key={a.handle}>{t('supporterLine', { author: handle(a), count: formatNumber(a.supportive) })}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}

export function TermsAndHashtags({ overview }: { overview: ListeningOverview }) {
  const t = useMessages(exploreMessages);
  return (
    <section className="plein-section" aria-labelledby="termen-heading">
      <Heading level={2} id="termen-heading">
        {t('termsHeading')}
      </Heading>
      <div className="plein-luisteren-columns">
        {overview.terms.length === 0 ? (
          <Paragraph>{t('none')}</Paragraph>
        ) : (
          <DataTable
            caption={t('termsTable')}
            rows={overview.terms}
            rowKey={(row) => row.term}
            columns={[
              { header: t('term'), cell: (row) => row.term },
              { header: t('count'), numeric: true, cell: (row) => formatNumber(row.items) },
            ]}
          />
        )}
        {overview.hashtags.length === 0 ? (
          <Paragraph>{t('none')}</Paragraph>
        ) : (
          <DataTable
            caption={t('hashtagsTable')}
            rows={overview.hashtags}
            rowKey={(row) => row.tag}
            columns={[
              { header: t('hashtag'), cell: (row) => `#${row.tag}` },
              { header: t('count'), numeric: true, cell: (row) => formatNumber(row.items) },
            ]}
          />
        )}
      </div>
    </section>
  );
}

export function ShareOfVoice({ shares }: { shares: ListeningOverview['shareOfVoice'] }) {
  const t = useMessages(exploreMessages);
  const total = Math.max(
    1,
    shares.reduce((sum, share) => sum + share.items, 0),
  );
  return (
    <section className="plein-section" aria-labelledby="sov-heading">
      <Heading level={2} id="sov-heading">
        {t('sovHeading')}
      </Heading>
      {shares.length < 2 && <Paragraph>{t('sovNone')}</Paragraph>}
      {shares.length > 0 && (
        <>
          {shares.length > 1 && (
            <div className="plein-luisteren-chart">
              <ResponsiveContainer width="100%" height={Math.max(120, shares.length * 40 + 40)}>
                <BarChart data={shares} layout="vertical" accessibilityLayer aria-label={t('sovTable')} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" allowDecimals={false} tick={{ fill: '#1a1a1a', fontSize: 12 }} />
                  <YAxis type="category" dataKey="name" width={120} tick={{ fill: '#1a1a1a', fontSize: 12 }} />
                  <Tooltip formatter={(value) => [formatNumber(Number(value)), t('count')]} />
                  <Bar dataKey="items" name={t('count')} fill="var(--plein-accent-on-white)" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          )}
          <DataTable
            caption={t('sovTable')}
            rows={shares}
            rowKey={(row) => row.monitorId}
            columns={[
              { header: t('monitor'), cell: (row) => row.name },
              { header: t('count'), numeric: true, cell: (row) => formatNumber(row.items) },
              { header: t('share'), numeric: true, cell: (row) => percent.format(row.items / total) },
            ]}
          />
        </>
      )}
    </section>
  );
}

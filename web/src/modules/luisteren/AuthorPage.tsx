import type { AuthorProfile } from '@contracts/network';
import { useParams } from 'react-router';
import { formatDateTime, formatNumber } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { AppLink, DataList, Heading, PageHeader, Paragraph, QueryState } from '../../ui';
import { FrequencyChart, TenorChart } from './AuthorCharts';
import { AuthorGroupSection } from './AuthorGroupForm';
import { luisterenMessages } from './luisteren-messages';
import { networkMessages } from './network-messages';
import { useAuthorProfile } from './network-queries';
import { TenorBadge } from './TenorBadge';

// Luisteren → one author: who they are in the network, how far they reach, how often and in what tenor they
// wrote over the last twelve weeks, and what they wrote last.
export function AuthorPage() {
  const t = useMessages(networkMessages);
  const { handle = '' } = useParams();
  const profile = useAuthorProfile(handle);
  return (
    <>
      <Paragraph>
        <AppLink to="/luisteren/netwerk">{t('back')}</AppLink>
      </Paragraph>
      <QueryState query={profile} loadingLabel={t('profileLoading')} errorTitle={t('profileFailed')}>
        {(author) => (
          <>
            <PageHeader title={author.name ? `${author.name} (@${author.handle})` : `@${author.handle}`} />
            <AuthorFacts author={author} />
            <AuthorGroupSection profile={author} />
            <FrequencyChart weeks={author.weeks} />
            <TenorChart weeks={author.weeks} />
            <RecentItems author={author} />
          </>
        )}
      </QueryState>
    </>
  );
}

function AuthorFacts({ author }: { author: AuthorProfile }) {
  const t = useMessages(networkMessages);
  const names = useMessages(luisterenMessages);
  const reach =
    author.reach.latest === null
      ? t('unknown')
      : author.reach.max !== null && author.reach.max > author.reach.latest
        ? t('reachValue', { latest: formatNumber(author.reach.latest), max: formatNumber(author.reach.max) })
        : formatNumber(author.reach.latest);
  return (
    <section className="plein-section" aria-labelledby="auteur-gegevens-heading">
      <Heading level={2} id="auteur-gegevens-heading">
        {t('facts')}
      </Heading>
      <DataList
        items={[
          { key: t('handle'), value: `@${author.handle}` },
          { key: t('channels'), value: author.channels.map((channel) => names(`channel.${channel}` as 'channel.x')).join(', ') },
          { key: t('reach'), value: reach },
          { key: t('firstSeen'), value: <time dateTime={author.firstSeen}>{formatDateTime(author.firstSeen)}</time> },
          { key: t('lastSeen'), value: <time dateTime={author.lastSeen}>{formatDateTime(author.lastSeen)}</time> },
          { key: t('totalItems'), value: formatNumber(author.items) },
          {
            key: t('tenorTotal'),
            value: t('tenorTotalValue', {
              steun: formatNumber(author.tenor.steun),
              kritiek: formatNumber(author.tenor.kritiek),
              neutraal: formatNumber(author.tenor.neutraal),
              gemengd: formatNumber(author.tenor.gemengd),
            }),
          },
          {
            key: t('lists'),
            value:
              author.lists.length === 0
                ? t('noLists')
                : author.lists.map((list, index) => (
                    <span key={list.id}>
                      {index > 0 && ', '}
                      <AppLink to={`/luisteren?lijst=${list.id}`}>{list.name}</AppLink>
                    </span>
                  )),
          },
        ]}
      />
    </section>
  );
}

function RecentItems({ author }: { author: AuthorProfile }) {
  const t = useMessages(networkMessages);
  return (
    <section className="plein-section" aria-labelledby="recent-heading">
      <Heading level={2} id="recent-heading">
        {t('recentHeading')}
      </Heading>
      {author.recentItems.length === 0 ? (
        <Paragraph>{t('recentNone')}</Paragraph>
      ) : (
        <ul className="plein-map-list">
          {author.recentItems.map((item) => (
            <li key={item.messageId} className="plein-map-list__item">
              <time dateTime={item.postedAt}>{formatDateTime(item.postedAt)}</time> <TenorBadge tenor={item.tenor} />{' '}
              <AppLink to={`/luisteren/berichten/${item.messageId}`} className="plein-break">
                {item.text.length > 140 ? `${item.text.slice(0, 137)}…` : item.text}
              </AppLink>
            </li>
          ))}
        </ul>
      )}
      <Paragraph>
        <AppLink to={`/luisteren?auteur=${encodeURIComponent(author.handle)}`}>{t('showItems')}</AppLink>
      </Paragraph>
    </section>
  );
}

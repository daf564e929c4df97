import { useInfiniteQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { buildQueryString } from '../../app/api-client';
import { useAuth, useMe } from '../../app/auth-context';
import { formatNumber } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { ButtonLink, EmptyState, PageHeader, Paragraph, QueryState } from '../../ui';
import { ExploreFilters } from './ExploreFilters';
import { filterFromParams, toExploreSearchParams } from './explore-filters';
import { exploreMessages } from './explore-messages';
import { ItemList } from './ItemList';
import { fetchItems, luisterenKey, useAuthorLists, useMonitors, useOverview } from './luisteren-queries';
import { ShareOfVoice, TenorTotals, TermsAndHashtags, TopAuthors } from './OverviewSections';
import { PlacesMap } from './PlacesMap';
import { useRumours } from './rumour-queries';
import { UnseenAlerts } from './UnseenAlerts';
import { VolumeChart } from './VolumeChart';

// Luisteren → Berichten: the analyst's explore page. The filters are the address bar; the figures and the
// list below always answer the same filters.
export function LuisterenPage() {
  const t = useMessages(exploreMessages);
  const me = useMe();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const filtered = Object.keys(filter).length > 0;
  const monitors = useMonitors();
  const lists = useAuthorLists();
  const rumours = useRumours();
  const overview = useOverview(filter);
  const items = useInfiniteQuery({
    queryKey: [...luisterenKey, 'items', buildQueryString(filter)],
    queryFn: ({ pageParam }) => fetchItems(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const noMonitors = monitors.data?.length === 0;

  return (
    <>
      <PageHeader
        title={t('title')}
        lead={<Paragraph lead>{t('lead')}</Paragraph>}
        actions={can('listening.manage') ? <ButtonLink to="/luisteren/monitors/nieuw">{t('newMonitor')}</ButtonLink> : undefined}
      />
      <UnseenAlerts />
      {noMonitors && (
        <EmptyState
          title={t('noMonitorsTitle')}
          action={can('listening.manage') ? <ButtonLink to="/luisteren/monitors/nieuw">{t('newMonitor')}</ButtonLink> : undefined}
        >
          <Paragraph>{t('noMonitorsText')}</Paragraph>
        </EmptyState>
      )}
      <ExploreFilters
        key={params.toString()}
        initial={filter}
        monitors={monitors.data ?? []}
        lists={lists.data ?? []}
        rumours={rumours.data ?? []}
        municipalities={me.municipalities}
        onApply={(next) => setParams(toExploreSearchParams(next))}
      />
      <QueryState query={overview} loadingLabel={t('loading')} errorTitle={t('loadFailed')}>
        {(figures) =>
          figures.total === 0 ? (
            <EmptyState title={t('emptyTitle')}>
              <Paragraph>{filtered ? t('emptyFiltered') : t('emptyAll')}</Paragraph>
            </EmptyState>
          ) : (
            <>
              <Paragraph className="plein-result-count">
                <span role="status">{figures.total === 1 ? t('totalOne') : t('total', { count: formatNumber(figures.total) })}</span>
              </Paragraph>
              <VolumeChart overview={figures} />
              <div className="plein-luisteren-columns">
                <TenorTotals overview={figures} />
                <ShareOfVoice shares={figures.shareOfVoice} />
              </div>
              <QueryState query={items} loadingLabel={t('loading')} errorTitle={t('loadFailed')}>
                {(pages) => (
                  <ItemList
                    items={pages.pages.flatMap((page) => page.items)}
                    hasMore={items.hasNextPage}
                    loadingMore={items.isFetchingNextPage}
                    onLoadMore={() => void items.fetchNextPage()}
                    canReview={can('listening.review')}
                  />
                )}
              </QueryState>
              <PlacesMap places={figures.places} municipalityId={filter.gemeente} />
              <TopAuthors authors={figures.topAuthors} />
              <TermsAndHashtags overview={figures} />
            </>
          )
        }
      </QueryState>
    </>
  );
}

import { NETWORK_GROUP_FILTERS, type NetworkAuthor, type NetworkGroupFilter, type NetworkPage as NetworkPageData } from '@contracts/network';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatDate, formatNumber } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { AppLink, Button, DataTable, EmptyState, Heading, PageHeader, Paragraph, QueryState, SelectField, TextField } from '../../ui';
import { luisterenMessages } from './luisteren-messages';
import { NetworkCompositionChart } from './NetworkCompositionChart';
import { networkMessages } from './network-messages';
import { buildAuthorPath, DEFAULT_WEEKS, NETWORK_PERIODS, type NetworkFilter, useNetwork } from './network-queries';

// The filters live in the address bar (?groep=media&zoek=omroep&pagina=2), so a view can be bookmarked or shared.
function filterFromParams(params: URLSearchParams): NetworkFilter {
  const group = params.get('groep');
  const page = Number(params.get('pagina'));
  const weeks = Number(params.get('weken'));
  return {
    weken: (NETWORK_PERIODS as readonly number[]).includes(weeks) && weeks !== DEFAULT_WEEKS ? (weeks as NetworkFilter['weken']) : undefined,
    groep: (NETWORK_GROUP_FILTERS as readonly string[]).includes(group ?? '') ? (group as NetworkGroupFilter) : undefined,
    zoek: params.get('zoek')?.trim().slice(0, 100) || undefined,
    pagina: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

function paramsOf(filter: NetworkFilter) {
  const params = new URLSearchParams();
  if (filter.weken) params.set('weken', String(filter.weken));
  if (filter.groep) params.set('groep', filter.groep);
  if (filter.zoek) params.set('zoek', filter.zoek);
  if (filter.pagina && filter.pagina > 1) params.set('pagina', String(filter.pagina));
  return params;
}

// Luisteren → Netwerk: the local network of the last weeks (twelve unless chosen), its make-up per group and its authors.
export function NetworkPage() {
  const t = useMessages(networkMessages);
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const network = useNetwork(filter);
  return (
    <>
      <PageHeader title={t('title')} lead={<Paragraph lead>{t('lead')}</Paragraph>} />
      <NetworkFilters key={params.toString()} initial={filter} onApply={(next) => setParams(paramsOf(next))} />
      <QueryState query={network} loadingLabel={t('loading')} errorTitle={t('loadFailed')}>
        {(page) => (
          <>
            {page.pendingAuthors > 0 && <Paragraph className="plein-muted">{t('pending', { count: formatNumber(page.pendingAuthors) })}</Paragraph>}
            <NetworkCompositionChart page={page} />
            <AuthorTable page={page} filtered={Boolean(filter.groep || filter.zoek)} onPage={(pagina) => setParams(paramsOf({ ...filter, pagina }))} />
          </>
        )}
      </QueryState>
    </>
  );
}

function NetworkFilters({ initial, onApply }: { initial: NetworkFilter; onApply: (filter: NetworkFilter) => void }) {
  const t = useMessages(networkMessages);
  const names = useMessages(luisterenMessages);
  const [group, setGroup] = useState<string>(initial.groep ?? '');
  const [search, setSearch] = useState(initial.zoek ?? '');
  const [weeks, setWeeks] = useState(String(initial.weken ?? DEFAULT_WEEKS));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = Number(weeks) as NonNullable<NetworkFilter['weken']>;
    onApply({
      weken: chosen === DEFAULT_WEEKS ? undefined : chosen,
      groep: (group || undefined) as NetworkGroupFilter | undefined,
      zoek: search.trim() || undefined,
    });
  };
  return (
    <form className="plein-filters" onSubmit={submit} noValidate aria-labelledby="netwerk-filters">
      <Heading level={2} id="netwerk-filters" className="plein-filters__title">
        {t('filters')}
      </Heading>
      <div className="plein-filters__fields">
        <SelectField
          label={t('period')}
          value={weeks}
          onChange={setWeeks}
          options={NETWORK_PERIODS.map((n) => ({ value: String(n), label: t('periodWeeks', { n: String(n) }) }))}
        />
        <SelectField
          label={t('group')}
          value={group}
          onChange={setGroup}
          options={[{ value: '', label: t('allGroups') }, ...NETWORK_GROUP_FILTERS.map((value) => ({ value, label: names(`group.${value}`) }))]}
        />
        <TextField label={t('search')} type="search" value={search} onChange={setSearch} maxLength={100} autoComplete="off" />
      </div>
      <div className="plein-form__actions">
        <Button type="submit" appearance="primary">
          {t('apply')}
        </Button>
        <Button appearance="subtle" onClick={() => onApply({})}>
          {t('reset')}
        </Button>
      </div>
    </form>
  );
}

export function GroupLabel({ group, source }: { group: NetworkAuthor['group']; source: NetworkAuthor['source'] }) {
  const t = useMessages(networkMessages);
  const names = useMessages(luisterenMessages);
  return (
    <>
      {names(`group.${group ?? 'inwoner'}`)}
      {source && <span className="plein-muted"> ({source === 'analist' ? t('byAnalyst') : t('automatic')})</span>}
    </>
  );
}

function AuthorTable({ page, filtered, onPage }: { page: NetworkPageData; filtered: boolean; onPage: (page: number) => void }) {
  const t = useMessages(networkMessages);
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  return (
    <section className="plein-section" aria-labelledby="auteurs-lijst-heading">
      <Heading level={2} id="auteurs-lijst-heading">
        {t('listHeading')}
      </Heading>
      {page.authors.length === 0 ? (
        <EmptyState title={t('emptyTitle')} level={3}>
          <Paragraph>{filtered ? t('emptyFiltered') : t('emptyAll')}</Paragraph>
        </EmptyState>
      ) : (
        <>
          <Paragraph className="plein-result-count">
            <span role="status">{page.total === 1 ? t('resultOne') : t('result', { count: formatNumber(page.total) })}</span>
          </Paragraph>
          <DataTable<NetworkAuthor>
            caption={t('listCaption')}
            captionHidden
            rows={page.authors}
            rowKey={(author) => author.handle}
            columns={[
              {
                header: t('author'),
                cell: (author) => (
                  <AppLink to={buildAuthorPath(author.handle)} className="plein-break">
                    {author.name ? `${author.name} (@${author.handle})` : `@${author.handle}`}
                  </AppLink>
                ),
              },
              { header: t('group'), cell: (author) => <GroupLabel group={author.group} source={author.source} /> },
              { header: t('items'), numeric: true, cell: (author) => formatNumber(author.items) },
              { header: t('critical'), numeric: true, cell: (author) => formatNumber(author.critical) },
              { header: t('supportive'), numeric: true, cell: (author) => formatNumber(author.supportive) },
              { header: t('reach'), numeric: true, cell: (author) => (author.reach.latest === null ? t('unknown') : formatNumber(author.reach.latest)) },
              { header: t('lastSeen'), cell: (author) => <time dateTime={author.lastSeen}>{formatDate(author.lastSeen)}</time> },
            ]}
          />
          {pages > 1 && (
            <nav aria-label={t('pagination')} className="plein-form__actions">
              <Button disabled={page.page <= 1} onClick={() => onPage(page.page - 1)}>
                {t('previous')}
              </Button>
              <span>{t('pageOf', { page: page.page, pages })}</span>
              <Button disabled={page.page >= pages} onClick={() => onPage(page.page + 1)}>
                {t('next')}
              </Button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}

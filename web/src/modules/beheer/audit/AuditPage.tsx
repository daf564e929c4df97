import type { AuditEntry, AuditPage as AuditPageData } from '@contracts/admin';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, buildQueryString } from '../../../app/api-client';
import { useAuth } from '../../../app/auth-context';
import { addOneDay, formatDateTime, startOfDayInAmsterdam } from '../../../app/format';
import { useMessages } from '../../../app/i18n';
import { Button, DataTable, EmptyState, PageHeader, Paragraph, QueryState } from '../../../ui';
import { useUsers } from '../organisation-queries';
import { AuditDetails } from './AuditDetails';
import { AuditFilters, type AuditFilterValues } from './AuditFilters';
import { auditMessages } from './audit-messages';

const PAGE_SIZE = 100;

function filtersFrom(params: URLSearchParams): AuditFilterValues {
  return { action: params.get('actie') ?? '', recordType: params.get('soort') ?? '', from: params.get('van') ?? '', until: params.get('tot') ?? '' };
}

export function AuditPage() {
  const t = useMessages(auditMessages);
  const [params, setParams] = useSearchParams();
  const { me } = useAuth();
  const users = useUsers();
  const endRef = useRef<HTMLSpanElement>(null);
  const [focusEndNote, setFocusEndNote] = useState(false);
  const names = new Map<string, string>([
    ...(me?.municipalities ?? []).map((m): [string, string] => [m.id, m.name]),
    ...(users.data ?? []).map((u): [string, string] => [u.id, u.name]),
  ]);
  const filters = filtersFrom(params);
  const filtered = Object.values(filters).some(Boolean);
  const apiFilters = {
    action: filters.action,
    recordType: filters.recordType,
    from: filters.from ? startOfDayInAmsterdam(filters.from) : undefined,
    until: filters.until ? startOfDayInAmsterdam(addOneDay(filters.until)) : undefined,
    limit: PAGE_SIZE,
  };
  const entries = useInfiniteQuery({
    queryKey: ['audit-log', apiFilters],
    queryFn: ({ pageParam }) => api.get<AuditPageData>(`/api/v1/audit-log${buildQueryString({ ...apiFilters, before: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.entries),
  });

  const apply = (values: AuditFilterValues) => {
    const next = new URLSearchParams();
    if (values.action) next.set('actie', values.action);
    if (values.recordType) next.set('soort', values.recordType);
    if (values.from) next.set('van', values.from);
    if (values.until) next.set('tot', values.until);
    setParams(next);
  };

  // The "Meer laden" button disappears with the last page; focus then moves to the sentence that replaces it,
  // once that sentence has been rendered (a fixed delay loses the race on a slow machine).
  const loadMore = async () => {
    const result = await entries.fetchNextPage();
    if (!result.hasNextPage) setFocusEndNote(true);
  };
  useEffect(() => {
    if (!focusEndNote || !endRef.current) return;
    endRef.current.focus();
    setFocusEndNote(false);
  });

  return (
    <>
      <PageHeader title={t('title')} lead={<Paragraph lead>{t('lead')}</Paragraph>} />
      <AuditFilters key={params.toString()} initial={filters} onApply={apply} />
      <QueryState query={entries} loadingLabel={t('loading')} errorTitle={t('title')}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('emptyTitle')}>
              <Paragraph>{filtered ? t('emptyFiltered') : t('emptyAll')}</Paragraph>
            </EmptyState>
          ) : (
            <>
              <Paragraph className="plein-result-count">
                <span role="status">{entries.hasNextPage ? t('countMore', { count: list.length }) : t('count', { count: list.length })}</span>
              </Paragraph>
              <DataTable<AuditEntry>
                caption={t('tableCaption')}
                captionHidden
                rows={list}
                rowKey={(entry) => entry.id}
                columns={[
                  { header: t('occurredAt'), cell: (entry) => <span className="plein-nowrap">{formatDateTime(entry.occurredAt)}</span> },
                  { header: t('actor'), cell: (entry) => entry.actorLabel },
                  { header: t('action'), cell: (entry) => <code className="utrecht-code">{entry.action}</code> },
                  {
                    header: t('record'),
                    cell: (entry) => (
                      <>
                        {entry.recordType}
                        {entry.recordId && <span className="plein-muted"> {names.get(entry.recordId) ?? `${entry.recordId.slice(0, 8)}…`}</span>}
                      </>
                    ),
                  },
                  { header: t('ip'), cell: (entry) => entry.ip ?? '–' },
                  { header: t('details'), cell: (entry) => <AuditDetails details={entry.details} names={names} /> },
                ]}
              />
              {entries.hasNextPage ? (
                <div className="plein-form__actions">
                  <Button onClick={() => void loadMore()} busy={entries.isFetchingNextPage}>
                    {entries.isFetchingNextPage ? t('loadingMore') : t('loadMore')}
                  </Button>
                </div>
              ) : (
                list.length > PAGE_SIZE && (
                  <Paragraph className="plein-muted">
                    <span ref={endRef} tabIndex={-1}>
                      {t('allShown')}
                    </span>
                  </Paragraph>
                )
              )}
              {entries.isFetchNextPageError && <Paragraph className="plein-field-error">{entries.error?.message}</Paragraph>}
            </>
          )
        }
      </QueryState>
    </>
  );
}

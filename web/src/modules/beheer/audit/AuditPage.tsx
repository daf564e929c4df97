import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { AuditEntry } from '../../../../../contracts/admin';
import { api, queryString } from '../../../app/api-client';
import { formatDateTime, nextDay, startOfDayInAmsterdam } from '../../../app/format';
import { useAuth } from '../../../app/auth-context';
import { useMessages } from '../../../app/i18n';
import { useUsers } from '../organisation-queries';
import { DataTable, EmptyState, PageHeader, Paragraph, QueryState } from '../../../ui';
import { AuditDetails } from './AuditDetails';
import { type AuditFilterValues, AuditFilters } from './AuditFilters';
import { auditMessages } from './audit-messages';

const LIMIT = 200;

function filtersFrom(params: URLSearchParams): AuditFilterValues {
  return { action: params.get('actie') ?? '', recordType: params.get('soort') ?? '', from: params.get('van') ?? '', until: params.get('tot') ?? '' };
}

export function AuditPage() {
  const t = useMessages(auditMessages);
  const [params, setParams] = useSearchParams();
  const { me } = useAuth();
  const users = useUsers();
  const names = new Map<string, string>([
    ...(me?.municipalities ?? []).map((m): [string, string] => [m.id, m.name]),
    ...(users.data ?? []).map((u): [string, string] => [u.id, u.name]),
  ]);
  const filters = filtersFrom(params);
  const filtered = Object.values(filters).some(Boolean);
  const apiQuery = queryString({
    action: filters.action,
    recordType: filters.recordType,
    from: filters.from ? startOfDayInAmsterdam(filters.from) : undefined,
    until: filters.until ? startOfDayInAmsterdam(nextDay(filters.until)) : undefined,
    limit: LIMIT,
  });
  const entries = useQuery({ queryKey: ['audit-log', apiQuery], queryFn: () => api.get<AuditEntry[]>(`/api/v1/audit-log${apiQuery}`) });

  const apply = (values: AuditFilterValues) => {
    const next = new URLSearchParams();
    if (values.action) next.set('actie', values.action);
    if (values.recordType) next.set('soort', values.recordType);
    if (values.from) next.set('van', values.from);
    if (values.until) next.set('tot', values.until);
    setParams(next);
  };

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
                <span role="status">{list.length >= LIMIT ? t('limitReached', { count: LIMIT }) : t('count', { count: list.length })}</span>
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
            </>
          )
        }
      </QueryState>
    </>
  );
}

import { formatDateTime, formatNumber } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { AppLink, DataTable, EmptyState, PageHeader, Paragraph, QueryState } from '../../ui';
import { RumourStatusBadge } from './RumourStatusBadge';
import { rumourMessages } from './rumour-messages';
import { useRumours } from './rumour-queries';

// Luisteren → Geruchten: every rumour the organisation follows, most recently changed first.
export function RumoursPage() {
  const t = useMessages(rumourMessages);
  const rumours = useRumours();
  return (
    <>
      <PageHeader title={t('title')} lead={<Paragraph lead>{t('lead')}</Paragraph>} />
      <QueryState query={rumours} loadingLabel={t('loading')} errorTitle={t('loadFailed')}>
        {(data) =>
          data.length === 0 ? (
            <EmptyState title={t('emptyTitle')}>
              <Paragraph>{t('emptyText')}</Paragraph>
            </EmptyState>
          ) : (
            <DataTable
              caption={t('title')}
              captionHidden
              rows={data}
              rowKey={(row) => row.id}
              columns={[
                { header: t('columnTitle'), cell: (row) => <AppLink to={`/luisteren/geruchten/${row.id}`}>{row.title}</AppLink> },
                { header: t('columnStatus'), cell: (row) => <RumourStatusBadge status={row.status} /> },
                { header: t('columnMessages'), numeric: true, cell: (row) => formatNumber(row.messages) },
                { header: t('columnCorrection'), cell: (row) => (row.correction.message || row.correction.url ? t('correctionYes') : t('correctionNo')) },
                { header: t('columnUpdated'), cell: (row) => <time dateTime={row.updatedAt}>{formatDateTime(row.updatedAt)}</time> },
              ]}
            />
          )
        }
      </QueryState>
    </>
  );
}

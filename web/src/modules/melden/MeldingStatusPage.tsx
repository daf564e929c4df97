import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, ProblemError } from '../../app/api-client';
import { formatDate, formatDateTime } from '../../app/format';
import { useLocale, useMessages } from '../../app/i18n';
import { Alert, DataList, Heading, Loading, PageHeader, Paragraph, StatusBadge } from '../../ui';
import './melden.css';
import { formatLongDate, type MeldingPublicStatus } from './melden-api';
import { meldenMessages } from './melden-messages';

const TONES: Record<string, 'neutral' | 'ok' | 'warning' | 'info'> = {
  afgehandeld: 'ok',
  geannuleerd: 'neutral',
  'wacht-op-informatie': 'warning',
  gemeld: 'info',
};

// The link from the confirmation e-mail: where a melding stands, without an account.
export function MeldingStatusPage() {
  const { slug = '', token = '' } = useParams();
  const t = useMessages(meldenMessages);
  const { locale } = useLocale();
  const status = useQuery({
    queryKey: ['melding-status', slug, token],
    queryFn: () => api.get<MeldingPublicStatus>(`/api/v1/organisations/${encodeURIComponent(slug)}/meldingen/${encodeURIComponent(token)}`),
    retry: false,
  });

  if (status.isPending) return <Loading label={t('statusLoading')} />;
  if (status.isError) {
    const missing = status.error instanceof ProblemError && (status.error.status === 404 || status.error.status === 400);
    return (
      <div className="plein-narrow">
        <PageHeader title={missing ? t('statusNotFound') : t('loadFailed')} />
        {missing ? <Paragraph>{t('statusNotFoundText')}</Paragraph> : <Alert type="error">{status.error.message}</Alert>}
      </div>
    );
  }
  const melding = status.data;
  return (
    <div className="plein-narrow plein-melden">
      <PageHeader title={t('statusTitle', { number: melding.number })} documentTitle={t('statusDocumentTitle', { number: melding.number })} />
      <DataList
        items={[
          { key: t('statusCategory'), value: melding.category },
          { key: t('statusStatus'), value: <StatusBadge tone={TONES[melding.status] ?? 'info'}>{melding.statusLabel}</StatusBadge> },
          { key: t('statusCreated'), value: formatDate(melding.createdAt) },
          { key: t('statusDeadline'), value: formatLongDate(melding.deadline, locale) },
          { key: t('statusPromise'), value: melding.servicePromise },
        ]}
      />
      <Heading level={2}>{t('statusHistory')}</Heading>
      <ol className="plein-melden-history">
        {[...melding.history].reverse().map((entry, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list that is replaced as a whole; the index only tells equal entries apart
          <li key={`${entry.at}-${index}`}>
            <p className="utrecht-paragraph">
              <strong>{entry.statusLabel}</strong> <span className="plein-muted">{formatDateTime(entry.at)}</span>
            </p>
            {entry.message && <p className="utrecht-paragraph">{entry.message}</p>}
          </li>
        ))}
      </ol>
    </div>
  );
}

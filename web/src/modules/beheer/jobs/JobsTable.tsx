import type { JobsOverview } from '@contracts/admin';
import { formatDateTime } from '../../../app/format';
import { useMessages } from '../../../app/i18n';
import { type BadgeTone, Button, DataTable, StatusBadge } from '../../../ui';
import { jobsMessages } from './jobs-messages';

type Job = JobsOverview['jobs'][number];

const TONE: Record<Job['status'], BadgeTone> = { queued: 'info', running: 'warning', done: 'ok', failed: 'error' };

export function JobsTable({ jobs, canRetry, retryingId, onRetry }: { jobs: Job[]; canRetry: boolean; retryingId: string | null; onRetry: (job: Job) => void }) {
  const t = useMessages(jobsMessages);
  return (
    <DataTable<Job>
      caption={t('tableCaption')}
      captionHidden
      rows={jobs}
      rowKey={(job) => job.id}
      columns={[
        { header: t('name'), cell: (job) => <code className="utrecht-code">{job.name}</code> },
        { header: t('status'), cell: (job) => <StatusBadge tone={TONE[job.status]}>{t(job.status)}</StatusBadge> },
        { header: t('attempts'), numeric: true, cell: (job) => `${job.attempts} / ${job.maxAttempts}` },
        { header: t('lastError'), cell: (job) => (job.lastError ? <span className="plein-break">{job.lastError}</span> : '–') },
        { header: t('runAt'), cell: (job) => formatDateTime(job.runAt) },
        { header: t('finishedAt'), cell: (job) => formatDateTime(job.finishedAt) },
        ...(canRetry
          ? [
              {
                header: t('actions'),
                hideLabelWhenStacked: true,
                cell: (job: Job) =>
                  job.status === 'failed' ? (
                    <Button busy={retryingId === job.id} onClick={() => onRetry(job)} aria-label={`${t('retry')}: ${job.name}`}>
                      {retryingId === job.id ? t('retrying') : t('retry')}
                    </Button>
                  ) : null,
              },
            ]
          : []),
      ]}
    />
  );
}

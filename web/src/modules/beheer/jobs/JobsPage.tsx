import type { JobsOverview } from '@contracts/admin';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, buildQueryString, ProblemError } from '../../../app/api-client';
import { useAuth } from '../../../app/auth-context';
import { formatDateTime, formatNumber } from '../../../app/format';
import { useMessages } from '../../../app/i18n';
import { Alert, DataTable, EmptyState, Heading, PageHeader, Paragraph, QueryState, SelectField, StatusBadge } from '../../../ui';
import { JobsTable } from './JobsTable';
import { jobsMessages } from './jobs-messages';

type Schedule = JobsOverview['schedules'][number];
const STATUSES = ['failed', 'queued', 'running', 'done'] as const;

export function JobsPage() {
  const t = useMessages(jobsMessages);
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'failed';
  const [notice, setNotice] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const [retryingId, setRetryingId] = useState<string | null>(null);
  const search = buildQueryString({ status: status === 'alle' ? undefined : status });
  const overview = useQuery({ queryKey: ['jobs', search], queryFn: () => api.get<JobsOverview>(`/api/v1/jobs${search}`), refetchInterval: 15_000 });

  const retry = async (job: { id: string; name: string }) => {
    setRetryingId(job.id);
    setNotice(null);
    try {
      await api.post(`/api/v1/jobs/${job.id}/retry`);
      setNotice({ type: 'ok', text: t('retried', { name: job.name }) });
      await queryClient.invalidateQueries({ queryKey: ['jobs'] });
    } catch (error) {
      setNotice({ type: 'error', text: error instanceof ProblemError ? error.message : String(error) });
    } finally {
      setRetryingId(null);
    }
  };

  return (
    <>
      <PageHeader title={t('title')} lead={<Paragraph lead>{t('lead')}</Paragraph>} />
      {notice && <Alert type={notice.type}>{notice.text}</Alert>}
      <QueryState query={overview} loadingLabel={t('loading')} errorTitle={t('title')}>
        {(data) => (
          <>
            <section className="plein-section" aria-labelledby="wachtrij">
              <Heading level={2} id="wachtrij">
                {t('countsHeading')}
              </Heading>
              <ul className="plein-stat-list">
                {(['queued', 'running', 'done', 'failed'] as const).map((key) => (
                  <li key={key} className={`plein-stat plein-stat--${key}`}>
                    <span className="plein-stat__value">{formatNumber(data.counts[key])}</span>
                    <span className="plein-stat__label">{t(key)}</span>
                  </li>
                ))}
              </ul>
            </section>
            <section className="plein-section" aria-labelledby="taken">
              <Heading level={2} id="taken">
                {t('jobsHeading')}
              </Heading>
              <div className="plein-inline-filter">
                <SelectField
                  label={t('statusFilter')}
                  value={status}
                  onChange={(value) => setParams(value === 'failed' ? {} : { status: value })}
                  options={[...STATUSES.map((s) => ({ value: s, label: t(s) })), { value: 'alle', label: t('all') }]}
                />
              </div>
              {data.jobs.length === 0 ? (
                <EmptyState level={3} title={status === 'failed' ? t('emptyFailedTitle') : t('emptyTitle')}>
                  <Paragraph>{status === 'failed' ? t('emptyFailedText') : t('emptyText')}</Paragraph>
                </EmptyState>
              ) : (
                <JobsTable jobs={data.jobs} canRetry={can('jobs.manage')} retryingId={retryingId} onRetry={(job) => void retry(job)} />
              )}
            </section>
            <SchedulesSection schedules={data.schedules} />
          </>
        )}
      </QueryState>
    </>
  );
}

function SchedulesSection({ schedules }: { schedules: Schedule[] }) {
  const t = useMessages(jobsMessages);
  return (
    <section className="plein-section" aria-labelledby="planningen">
      <Heading level={2} id="planningen">
        {t('schedulesHeading')}
      </Heading>
      {schedules.length === 0 ? (
        <EmptyState level={3} title={t('emptySchedulesTitle')}>
          <Paragraph>{t('emptySchedulesText')}</Paragraph>
        </EmptyState>
      ) : (
        <DataTable<Schedule>
          caption={t('schedulesCaption')}
          captionHidden
          rows={schedules}
          rowKey={(schedule) => schedule.id}
          columns={[
            { header: t('name'), cell: (s) => s.name },
            { header: t('jobName'), cell: (s) => <code className="utrecht-code">{s.jobName}</code> },
            { header: t('cron'), cell: (s) => <code className="utrecht-code">{s.cron}</code> },
            { header: t('timeZone'), cell: (s) => s.timeZone },
            { header: t('enabled'), cell: (s) => <StatusBadge tone={s.enabled ? 'ok' : 'neutral'}>{s.enabled ? t('on') : t('off')}</StatusBadge> },
            { header: t('nextRunAt'), cell: (s) => formatDateTime(s.nextRunAt) },
            { header: t('lastRunAt'), cell: (s) => formatDateTime(s.lastRunAt) },
          ]}
        />
      )}
    </section>
  );
}

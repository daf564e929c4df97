import type { Monitor } from '@contracts/luisteren';
import { useId } from 'react';
import { useLocation } from 'react-router';
import { useAuth, useMe } from '../../app/auth-context';
import { formatNumber } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { Alert, AppLink, ButtonLink, DataTable, EmptyState, PageHeader, Paragraph, QueryState } from '../../ui';
import { useMonitors } from './luisteren-queries';
import { monitorMessages } from './monitor-messages';

// Monitors with their matches; while stored messages are searched a progress bar, asked again every 2 s.
export function MonitorsPage() {
  const t = useMessages(monitorMessages);
  const me = useMe();
  const { can } = useAuth();
  const monitors = useMonitors();
  const location = useLocation();
  const state = location.state as { created?: string; deleted?: string } | null;
  const municipalityName = (id: string | null) => (id ? (me.municipalities.find((m) => m.id === id)?.name ?? '–') : t('wholeOrganisation'));
  return (
    <>
      <PageHeader
        title={t('title')}
        lead={<Paragraph lead>{t('lead')}</Paragraph>}
        actions={can('listening.manage') ? <ButtonLink to="/luisteren/monitors/nieuw">{t('newMonitor')}</ButtonLink> : undefined}
      />
      <div aria-live="polite">
        {state?.created && (
          <Alert type="ok">
            <Paragraph>{t('created', { name: state.created })}</Paragraph>
          </Alert>
        )}
        {state?.deleted && (
          <Alert type="ok">
            <Paragraph>{t('deleted', { name: state.deleted })}</Paragraph>
          </Alert>
        )}
      </div>
      <QueryState query={monitors} loadingLabel={t('loading')} errorTitle={t('loadFailed')}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState
              title={t('emptyTitle')}
              action={can('listening.manage') ? <ButtonLink to="/luisteren/monitors/nieuw">{t('newMonitor')}</ButtonLink> : undefined}
            >
              <Paragraph>{can('listening.manage') ? t('emptyText') : t('emptyNoRights')}</Paragraph>
            </EmptyState>
          ) : (
            <DataTable<Monitor>
              caption={t('caption')}
              captionHidden
              rows={list}
              rowKey={(monitor) => monitor.id}
              columns={[
                {
                  header: t('name'),
                  cell: (monitor) =>
                    can('listening.manage') ? (
                      <AppLink to={`/luisteren/monitors/${monitor.id}`} aria-label={t('editName', { name: monitor.name })}>
                        {monitor.name}
                      </AppLink>
                    ) : (
                      monitor.name
                    ),
                },
                { header: t('query'), cell: (monitor) => <code className="plein-break">{monitor.query}</code> },
                { header: t('municipality'), cell: (monitor) => municipalityName(monitor.municipalityId) },
                {
                  header: t('matches'),
                  numeric: true,
                  cell: (monitor) => (
                    <AppLink to={`/luisteren?monitor=${monitor.id}`}>
                      {formatNumber(monitor.matches)}
                      <span className="plein-visually-hidden"> {t('showItemsOf', { name: monitor.name })}</span>
                    </AppLink>
                  ),
                },
                { header: t('progress'), cell: (monitor) => <BackfillProgress monitor={monitor} compact /> },
                { header: t('alerts'), cell: (monitor) => (monitor.alertsEnabled ? t('alertsOn') : t('alertsOff')) },
              ]}
            />
          )
        }
      </QueryState>
    </>
  );
}

export function BackfillProgress({ monitor, compact }: { monitor: Monitor; compact?: boolean }) {
  const t = useMessages(monitorMessages);
  const id = useId();
  const { state, done, total } = monitor.backfill;
  if (state === 'klaar') return <span>{t('ready')}</span>;
  return (
    <div className={compact ? 'plein-luisteren-progress' : 'plein-luisteren-progress plein-section'}>
      <label htmlFor={id} className={compact ? 'plein-visually-hidden' : 'utrecht-form-label'}>
        {t('progressLabel', { name: monitor.name })}
      </label>
      {state === 'wachtend' || total === 0 ? <progress id={id} /> : <progress id={id} value={done} max={total} />}
      <span className="plein-luisteren-progress__text">
        {state === 'wachtend' ? t('waiting') : t('progressText', { done: formatNumber(done), total: formatNumber(total) })}
      </span>
    </div>
  );
}

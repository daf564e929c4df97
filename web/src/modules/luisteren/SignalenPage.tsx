import type { ListeningAlert } from '@contracts/luisteren';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { formatDateTime, formatNumber } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { Alert, AppLink, Button, ButtonLink, EmptyState, Heading, PageHeader, Paragraph, QueryState, StatusBadge } from '../../ui';
import { alertsMessages } from './alerts-messages';
import { luisterenMessages } from './luisteren-messages';
import { alertsKey, useAlerts } from './luisteren-queries';

const oneDecimal = (value: number) => formatNumber(Math.round(value * 10) / 10);

// Alerts newest first; kept fresh by the live stream (LuisterenLayout), so no reload is needed.
export function SignalenPage() {
  const t = useMessages(alertsMessages);
  const alerts = useAlerts(100);
  return (
    <>
      <PageHeader title={t('title')} lead={<Paragraph lead>{t('lead')}</Paragraph>} />
      <QueryState query={alerts} loadingLabel={t('loading')} errorTitle={t('loadFailed')}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('emptyTitle')} action={<ButtonLink to="/luisteren/monitors">{t('toMonitors')}</ButtonLink>}>
              <Paragraph>{t('emptyText')}</Paragraph>
            </EmptyState>
          ) : (
            <ol className="plein-luisteren-alerts" aria-live="polite">
              {list.map((alert) => (
                <AlertCard key={alert.id} alert={alert} />
              ))}
            </ol>
          )
        }
      </QueryState>
    </>
  );
}

function AlertCard({ alert }: { alert: ListeningAlert }) {
  const t = useMessages(alertsMessages);
  const names = useMessages(luisterenMessages);
  const queryClient = useQueryClient();
  const seen = useMutation({
    mutationFn: () => api.post<ListeningAlert>(`/api/v1/luisteren/signalen/${alert.id}/gezien`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertsKey }),
  });
  return (
    <li className={['plein-luisteren-alert', !alert.seen && 'plein-luisteren-alert--new'].filter(Boolean).join(' ')}>
      <Heading level={2}>
        {t('heading', { kind: names(`alertKind.${alert.kind}`), monitor: alert.monitorName })}{' '}
        {alert.seen ? <StatusBadge tone="neutral">{t('seenBadge')}</StatusBadge> : <StatusBadge tone="warning">{t('newBadge')}</StatusBadge>}
      </Heading>
      <Paragraph>
        {t('window', { from: formatDateTime(alert.windowStart), to: formatDateTime(alert.windowEnd) })}:{' '}
        {t('observed', { observed: formatNumber(alert.observed), expected: oneDecimal(alert.expected) })}
      </Paragraph>
      <Paragraph className="plein-muted">{t('created', { at: formatDateTime(alert.createdAt) })}</Paragraph>
      {alert.crisisLike && (
        <Alert type="warning" title={t('crisisTitle')}>
          <Paragraph>{t('crisisText')}</Paragraph>
          <ButtonLink to="/crisis">{t('crisisAction')}</ButtonLink>
        </Alert>
      )}
      <div className="plein-form__actions">
        <AppLink to={alert.link}>{t('show')}</AppLink>
        {!alert.seen && (
          <Button busy={seen.isPending} onClick={() => seen.mutate()} aria-label={t('markSeenName', { monitor: alert.monitorName })}>
            {t('markSeen')}
          </Button>
        )}
      </div>
    </li>
  );
}

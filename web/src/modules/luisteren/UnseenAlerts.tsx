import { formatNumber } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { Alert, AppLink, Paragraph } from '../../ui';
import { luisterenMessages } from './luisteren-messages';
import { useAlerts } from './luisteren-queries';

// Unseen alerts stand at the top of Luisteren, with a link to each burst; they arrive live (useLiveAlerts).
export function UnseenAlerts() {
  const t = useMessages(luisterenMessages);
  const alerts = useAlerts();
  const unseen = (alerts.data ?? []).filter((alert) => !alert.seen);
  return (
    <div aria-live="polite">
      {unseen.length > 0 && (
        <Alert type="warning" title={t('unseenHeading')}>
          <Paragraph>{unseen.length === 1 ? t('unseenOne') : t('unseenMany', { count: unseen.length })}</Paragraph>
          <ul className="utrecht-unordered-list">
            {unseen.slice(0, 5).map((alert) => (
              <li key={alert.id}>
                {t('unseenItem', {
                  kind: t(`alertKind.${alert.kind}`),
                  monitor: alert.monitorName,
                  observed: formatNumber(alert.observed),
                  expected: formatNumber(Math.round(alert.expected * 10) / 10),
                })}{' '}
                <AppLink to={alert.link}>{t('unseenShow')}</AppLink>
              </li>
            ))}
          </ul>
          <Paragraph>
            <AppLink to="/luisteren/signalen">{t('unseenAll')}</AppLink>
          </Paragraph>
        </Alert>
      )}
    </div>
  );
}

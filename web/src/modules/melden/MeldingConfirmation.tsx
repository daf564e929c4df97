import { useEffect, useRef } from 'react';
import { useLocale, useMessages } from '../../app/i18n';
import { AppLink, Heading, Paragraph } from '../../ui';
import { buildStatusPagePath, formatLongDate, type MeldingReceipt } from './melden-api';
import { meldenMessages } from './melden-messages';

export function MeldingConfirmation({ slug, receipt, emailed, onAgain }: { slug: string; receipt: MeldingReceipt; emailed: boolean; onAgain: () => void }) {
  const t = useMessages(meldenMessages);
  const { locale } = useLocale();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="plein-confirmation plein-melden-confirmation">
      <div className="utrecht-alert utrecht-alert--ok plein-alert" role="status">
        <div className="utrecht-alert__icon plein-alert__icon" aria-hidden="true">
          ✓
        </div>
        <div className="utrecht-alert__content">
          <Heading level={2} ref={ref} tabIndex={-1}>
            {t('thanksTitle')}
          </Heading>
          <Paragraph>
            <strong>{t('thanksNumber', { number: receipt.number })}</strong>
          </Paragraph>
        </div>
      </div>
      <Heading level={3}>{t('thanksPromise')}</Heading>
      <Paragraph>{receipt.servicePromise}</Paragraph>
      <Paragraph>{t('thanksDeadline', { date: formatLongDate(receipt.deadline, locale) })}</Paragraph>
      <Paragraph>
        <AppLink to={buildStatusPagePath(slug, receipt.trackingToken)}>{t('thanksFollow')}</AppLink>
        {emailed && ` ${t('thanksEmail')}`}
      </Paragraph>
      <Paragraph>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onAgain}>
          {t('thanksAgain')}
        </button>
      </Paragraph>
    </div>
  );
}

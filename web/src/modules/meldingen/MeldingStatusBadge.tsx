import type { MeldingStatus } from '@contracts/meldingen';
import { useMessages } from '../../app/i18n';
import { type BadgeTone, StatusBadge } from '../../ui';
import { STATUS_SYMBOLS } from './melding-logic';
import { meldingenMessages } from './meldingen-messages';

const TONE: Record<MeldingStatus, BadgeTone> = {
  gemeld: 'info',
  heropend: 'info',
  'in-behandeling': 'warning',
  ingepland: 'warning',
  'wacht-op-informatie': 'warning',
  'doorgezet-naar-extern': 'neutral',
  afgehandeld: 'ok',
  geannuleerd: 'neutral',
};

// The status in words with a symbol beside it, so it never depends on seeing the colour.
export function MeldingStatusBadge({ status }: { status: MeldingStatus }) {
  const t = useMessages(meldingenMessages);
  return (
    <StatusBadge tone={TONE[status]}>
      <span aria-hidden="true" className="plein-badge__symbol">
        {STATUS_SYMBOLS[status]}
      </span>{' '}
      {t(`status.${status}`)}
    </StatusBadge>
  );
}

export function useStatusLabel() {
  const t = useMessages(meldingenMessages);
  return (status: MeldingStatus) => t(`status.${status}`);
}

// The deadline with a "te laat" marker in words and a symbol, not only in red.
export function Deadline({ deadline, overdue, formatted }: { deadline: string; overdue: boolean; formatted: string }) {
  const t = useMessages(meldingenMessages);
  return (
    <span className="plein-nowrap">
      <time dateTime={deadline}>{formatted}</time>
      {overdue && (
        <>
          {' '}
          <StatusBadge tone="error">
            <span aria-hidden="true" className="plein-badge__symbol">
              !
            </span>{' '}
            {t('late')}
          </StatusBadge>
        </>
      )}
    </span>
  );
}

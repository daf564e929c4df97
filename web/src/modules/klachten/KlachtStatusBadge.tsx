import type { KlachtStatus } from '@contracts/klachten';
import { formatDate } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { type BadgeTone, StatusBadge } from '../../ui';
import { klachtenMessages } from './klachten-messages';

const TONE: Record<KlachtStatus, BadgeTone> = {
  ontvangen: 'info',
  'in-behandeling': 'warning',
  'hoorzitting-gepland': 'warning',
  afgehandeld: 'ok',
  'informeel-opgelost': 'ok',
  'niet-in-behandeling': 'neutral',
  ingetrokken: 'neutral',
};

const SYMBOL: Record<KlachtStatus, string> = {
  ontvangen: '●',
  'in-behandeling': '◐',
  'hoorzitting-gepland': '◐',
  afgehandeld: '✓',
  'informeel-opgelost': '✓',
  'niet-in-behandeling': '–',
  ingetrokken: '–',
};

// The status in words with a symbol beside it, so it never depends on seeing the colour.
export function KlachtStatusBadge({ status }: { status: KlachtStatus }) {
  const t = useMessages(klachtenMessages);
  return (
    <StatusBadge tone={TONE[status]}>
      <span aria-hidden="true" className="plein-badge__symbol">
        {SYMBOL[status]}
      </span>{' '}
      {t(`status.${status}`)}
    </StatusBadge>
  );
}

// The decision deadline, "verdaagd" when extended, and "te laat" in words and a symbol, not only in red.
export function KlachtDeadline({ deadline, overdue, extended }: { deadline: string; overdue: boolean; extended: boolean }) {
  const t = useMessages(klachtenMessages);
  return (
    <span className="plein-nowrap">
      <time dateTime={deadline}>{formatDate(deadline)}</time>
      {extended && <> ({t('extendedShort')})</>}
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

import type { RumourStatus } from '@contracts/rumours';
import { useMessages } from '../../app/i18n';
import { type BadgeTone, StatusBadge } from '../../ui';
import { rumourMessages } from './rumour-messages';

// The status is always written out; the colour only repeats it.
const TONES: Record<RumourStatus, BadgeTone> = { onderzoeken: 'warning', bevestigd: 'error', ontkracht: 'ok', onbeslist: 'neutral' };

export function RumourStatusBadge({ status }: { status: RumourStatus }) {
  const t = useMessages(rumourMessages);
  return <StatusBadge tone={TONES[status]}>{t(`status.${status}`)}</StatusBadge>;
}

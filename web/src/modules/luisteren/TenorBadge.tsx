import type { Tenor } from '@contracts/luisteren';
import { useMessages } from '../../app/i18n';
import { type BadgeTone, StatusBadge } from '../../ui';
import { luisterenMessages } from './luisteren-messages';

const TONES: Record<Tenor, BadgeTone> = { steun: 'ok', kritiek: 'error', neutraal: 'neutral', gemengd: 'warning' };
// A symbol beside the word, so the tenor never depends on colour alone (and survives a grey printout).
const SYMBOLS: Record<Tenor, string> = { steun: '+', kritiek: '−', neutraal: '○', gemengd: '±' };

// The chart colours per tenor; each has at least 3:1 contrast against white (WCAG 1.4.11).
export const TENOR_COLOURS: Record<Tenor, string> = { steun: '#1e6b24', kritiek: '#b3261e', neutraal: '#5f6670', gemengd: '#8a5a00' };

export function TenorBadge({ tenor }: { tenor: Tenor }) {
  const t = useMessages(luisterenMessages);
  return (
    <StatusBadge tone={TONES[tenor]}>
      <span aria-hidden="true">{SYMBOLS[tenor]} </span>
      {t(`tenor.${tenor}`)}
    </StatusBadge>
  );
}

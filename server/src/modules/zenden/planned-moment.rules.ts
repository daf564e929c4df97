import { DateTime } from 'luxon';

const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

// The moment a person meant: an ISO time with an offset is exact; a wall-clock time (2027-03-28T09:30) is read in the
// municipality's time zone. On the night the clocks go forward, 02:30 does not exist and becomes 03:30 (the same
// time of the morning, an hour of the clock later); on the night they go back, 02:30 happens twice and the first
// one is meant. Null for anything that is not a time.
export function readPlannedMoment(text: string, zone: string): Date | null {
  const trimmed = text.trim();
  if (HAS_OFFSET.test(trimmed)) {
    const exact = DateTime.fromISO(trimmed, { setZone: true });
    return exact.isValid ? exact.toJSDate() : null;
  }
  const local = DateTime.fromISO(trimmed, { zone });
  if (!local.isValid) return null;
  // A wall-clock time that happens twice has two moments; the earliest is meant.
  const moments = local.getPossibleOffsets().map((candidate) => candidate.toMillis());
  return new Date(Math.min(local.toMillis(), ...moments));
}

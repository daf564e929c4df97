import type { ServiceContext } from '../../platform/context';
import { badRequest } from '../../platform/http/errors';
import { actsForMunicipality, assertCan } from '../../platform/tenancy/policy';
import { findMunicipalities } from '../organisations/organisations.repository';
import { findForFigures } from './meldingen.repository';
import { findSatisfaction } from './kto.repository';
import { calendarDaysBetween } from './termijn';

export interface FiguresQuery {
  municipality?: string;
  from?: string;
  to?: string;
  reactionDays: number;
  handledDays: number;
}

// The instant a local calendar day starts in a time zone (handles the hour that DST adds or removes).
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(year, month - 1, day);
  const offsetAt = (instant: number) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
        .formatToParts(new Date(instant))
        .map((part) => [part.type, part.value]),
    );
    const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
    return local - instant;
  };
  const first = guess - offsetAt(guess);
  return new Date(guess - offsetAt(first));
}

const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

// The BUCH-style figures (88% reacted to within 3 days, 91% handled within 10): calendar days from
// filing to the first reaction and to afgehandeld, in the municipality's time zone. A melding without
// a reaction or not yet handled counts as not within, so an open backlog lowers the figure.
export async function meldingFigures(ctx: ServiceContext, query: FiguresQuery) {
  assertCan(ctx.actor, 'insights.read');
  const municipalities = (await findMunicipalities(ctx.db, ctx.actor.organisationId)).filter((m) => actsForMunicipality(ctx.actor, m.id));
  const selected = query.municipality ? municipalities.filter((m) => m.cbs_code === query.municipality) : municipalities;
  if (query.municipality && selected.length === 0) {
    throw badRequest('onbekende-gemeente', `Gemeente ${query.municipality} hoort niet bij uw gemeenten.`, [{ name: 'municipality', code: 'onbekend', reason: 'Kies een CBS-code van uw gemeenten.' }]);
  }
  const timeZone = selected[0]?.time_zone ?? 'Europe/Amsterdam';
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(ctx.clock.now());
  const period = { from: query.from ?? `${today.slice(0, 4)}-01-01`, to: query.to ?? today };
  if (period.to < period.from) throw badRequest('ongeldige-periode', 'De einddatum ligt vóór de begindatum.', [{ name: 'to', code: 'voor-begin', reason: 'Kies een einddatum op of na de begindatum.' }]);
  const from = startOfLocalDay(period.from, timeZone);
  // Up to and including the last day: until the start of the day after it.
  const dayAfter = new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const until = startOfLocalDay(dayAfter, timeZone);
  const rows = await findForFigures(ctx.db, ctx.actor.organisationId, { municipalityIds: selected.map((m) => m.id), from, until });
  const zoneOf = new Map(selected.map((m) => [m.id, m.time_zone]));
  const within = (start: Date, end: Date | null, days: number, zone: string) => end !== null && calendarDaysBetween(start, end, zone) <= days;
  const reacted = rows.filter((row) => within(row.created_at, row.first_reaction_at, query.reactionDays, zoneOf.get(row.municipality_id)!)).length;
  const handled = rows.filter((row) => within(row.created_at, row.handled_at, query.handledDays, zoneOf.get(row.municipality_id)!)).length;
  // Within its own termijn: handled by the deadline. Open meldingen count once their deadline has passed.
  const now = ctx.clock.now();
  const judged = rows.filter((row) => row.handled_at !== null || row.deadline < now);
  const inTermijn = judged.filter((row) => row.handled_at !== null && row.handled_at <= row.deadline).length;
  const satisfaction = await findSatisfaction(ctx.db, ctx.actor.organisationId, { municipalityIds: selected.map((m) => m.id), from, until });
  return {
    municipalities: selected.map((m) => m.cbs_code),
    from: period.from,
    to: period.to,
    reactionDays: query.reactionDays,
    handledDays: query.handledDays,
    count: rows.length,
    firstReactionWithinPct: pct(reacted, rows.length),
    handledWithinPct: pct(handled, rows.length),
    withinTermijnPct: pct(inTermijn, judged.length),
    satisfaction: { responses: satisfaction.responses, satisfiedPct: pct(satisfaction.satisfied, satisfaction.responses) },
  };
}

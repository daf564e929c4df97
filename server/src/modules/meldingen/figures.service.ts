import type { ServiceContext } from '@platform/context.service';
import { reportMunicipalities } from '@platform/organisations/organisations.service';
import { assertCan } from '@platform/tenancy/policy.rules';
import { resolveReportPeriod } from '@platform/time/local-days.rules';
import { countCalendarDaysBetween } from '@platform/time/termijnen.rules';
import { findSatisfaction } from './kto.repository';
import { findForFigures } from './meldingen.repository';

export interface FiguresQuery {
  municipality?: string;
  from?: string;
  to?: string;
  reactionDays: number;
  handledDays: number;
}

const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

// The BUCH-style figures (88% reacted to within 3 days, 91% handled within 10): calendar days from
// filing to the first reaction and to afgehandeld, in the municipality's time zone. A melding without
// a reaction or not yet handled counts as not within, so an open backlog lowers the figure.
export async function computeMeldingFigures(ctx: ServiceContext, query: FiguresQuery) {
  assertCan(ctx.actor, 'insights.read');
  const { selected, scope } = await reportMunicipalities(ctx, query.municipality);
  const timeZone = selected[0]?.time_zone ?? 'Europe/Amsterdam';
  const period = resolveReportPeriod(query, timeZone, ctx.clock.now());
  const from = period.fromInstant;
  const until = period.untilInstant;
  const rows = await findForFigures(ctx.db, scope, { from, until });
  const zoneOf = new Map(selected.map((m) => [m.id, m.time_zone]));
  const within = (start: Date, end: Date | null, days: number, zone: string) => end !== null && countCalendarDaysBetween(start, end, zone) <= days;
  const reacted = rows.filter((row) => within(row.created_at, row.first_reaction_at, query.reactionDays, zoneOf.get(row.municipality_id)!)).length;
  const handled = rows.filter((row) => within(row.created_at, row.handled_at, query.handledDays, zoneOf.get(row.municipality_id)!)).length;
  // Within its own termijn: handled by the deadline. Open meldingen count once their deadline has passed.
  const now = ctx.clock.now();
  const judged = rows.filter((row) => row.handled_at !== null || row.deadline < now);
  const inTermijn = judged.filter((row) => row.handled_at !== null && row.handled_at <= row.deadline).length;
  const satisfaction = await findSatisfaction(ctx.db, scope, { from, until });
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

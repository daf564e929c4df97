import { KLACHT_THEMES, type KlachtReport, type KlachtTheme } from '@contracts/klachten';
import type { ServiceContext } from '@platform/context.service';
import { notFound } from '@platform/http/http.errors';
import { findMunicipalities } from '@platform/organisations/organisations.repository';
import { actsForMunicipality, assertCan, scopeOver } from '@platform/tenancy/policy.rules';
import { countLeadTimeDays, formatLocalIsoDate, startOfLocalDay } from './klacht-termijn.rules';
import { findForReport } from './klachten.repository';

const TIME_ZONE = 'Europe/Amsterdam';

// The jaarverslag klachten for the council: counts only, no names, so bestuurders may read it.
// Definitions (also printed under the report):
// - received: klachten received in the year; themes count these.
// - handled and outcomes: klachten closed in the year, whatever year they came in.
// - lead time: calendar days from receipt to closing, over those decided (afgehandeld) or resolved informally
//   in the year; "within the term" compares the closing moment with the deadline, an extension included.
// - extended: of those closed in the year, how many were extended.
export async function buildKlachtReport(ctx: ServiceContext, query: { municipalityId?: string; year?: number }): Promise<KlachtReport> {
  assertCan(ctx.actor, 'klachten.report');
  const year = query.year ?? Number(formatLocalIsoDate(ctx.clock.now(), TIME_ZONE).slice(0, 4));
  const municipalities = (await findMunicipalities(ctx.db, ctx.actor.organisationId)).filter((m) => actsForMunicipality(ctx.actor, m.id));
  const chosen = query.municipalityId ? municipalities.filter((m) => m.id === query.municipalityId) : municipalities;
  if (query.municipalityId && chosen.length === 0) throw notFound('De gemeente');
  const from = startOfLocalDay(`${year}-01-01`, TIME_ZONE);
  const until = startOfLocalDay(`${year + 1}-01-01`, TIME_ZONE);
  const rows = await findForReport(
    ctx.db,
    scopeOver(
      ctx.actor.organisationId,
      chosen.map((m) => m.id),
    ),
    { from, until },
  );
  const inYear = (at: Date | null) => at !== null && at >= from && at < until;
  const received = rows.filter((row) => inYear(row.received_at));
  const closed = rows.filter((row) => inYear(row.closed_at));
  const countStatus = (status: string) => closed.filter((row) => row.status === status).length;
  const countOutcome = (outcome: string) => closed.filter((row) => row.outcome === outcome).length;
  const themes = Object.fromEntries(KLACHT_THEMES.map((theme) => [theme, received.filter((row) => row.theme === theme).length])) as Record<KlachtTheme, number>;
  const decided = closed.filter((row) => row.status === 'afgehandeld' || row.status === 'informeel-opgelost');
  const days = decided.map((row) => countLeadTimeDays(row.received_at, row.closed_at!, TIME_ZONE)).sort((a, b) => a - b);
  const within = decided.filter((row) => row.closed_at! <= row.deadline).length;
  return {
    year,
    municipalityId: query.municipalityId ?? null,
    municipalityName: chosen.map((m) => m.name).join(', '),
    received: received.length,
    handled: closed.length,
    openAtYearEnd: rows.filter((row) => row.closed_at === null || row.closed_at >= until).length,
    outcomes: {
      gegrond: countOutcome('gegrond'),
      'deels-gegrond': countOutcome('deels-gegrond'),
      ongegrond: countOutcome('ongegrond'),
      'informeel-opgelost': countStatus('informeel-opgelost'),
      'niet-in-behandeling': countStatus('niet-in-behandeling'),
      ingetrokken: countStatus('ingetrokken'),
    },
    themes,
    leadTime: {
      basis: days.length,
      averageDays: days.length ? round1(days.reduce((sum, d) => sum + d, 0) / days.length) : null,
      medianDays: days.length ? median(days) : null,
      withinTermPercent: days.length ? round1((within / days.length) * 100) : null,
    },
    extended: closed.filter((row) => row.extension_weeks !== null).length,
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function median(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : round1((sorted[middle - 1]! + sorted[middle]!) / 2);
}

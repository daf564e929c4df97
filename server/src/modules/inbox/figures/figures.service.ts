import type { conversationFiguresQuery } from '@contracts/inbox-figures';
import type { Norm } from '@contracts/office-hours';
import type { ServiceContext } from '@platform/context.service';
import { badRequest } from '@platform/http/http.errors';
import { reportMunicipalities } from '@platform/organisations/organisations.service';
import { assertCan } from '@platform/tenancy/policy.rules';
import { resolveReportPeriod } from '@platform/time/local-days.rules';
import type { z } from 'zod';
import { listChannelAccounts } from '../../channels/index';
import { computeNormDueAt } from '../office-hours/business-time.rules';
import { loadAccountNorms } from '../office-hours/office-hours.service';
import type { Schedule } from '../office-hours/schedule.rules';
import { countSentByAccount, findConversationsForFigures } from './figures.repository';
import { computePercentage, summariseDurations } from './statistics.rules';

type Query = z.infer<typeof conversationFiguresQuery>;
type Row = Awaited<ReturnType<typeof findConversationsForFigures>>[number];
type Norms = { schedule: Schedule; firstResponse: Norm | null; resolution: Norm | null } | null;

const minutesBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;

// Within the account's norm (clocks that pause outside opening hours where the norm says so). A
// conversation still waiting counts as not within once its norm has passed, and is not judged before.
function withinNorm(rows: Row[], norms: Map<string, Norms>, pick: (row: Row) => Date | null, normOf: (n: NonNullable<Norms>) => Norm | null, now: Date) {
  let judged = 0;
  let within = 0;
  for (const row of rows) {
    const n = norms.get(row.account_id);
    const norm = n ? normOf(n) : null;
    if (!n || !norm) continue;
    const due = computeNormDueAt(row.started_at, norm, n.schedule);
    const done = pick(row);
    if (!done && due > now) continue;
    judged += 1;
    if (done && done <= due) within += 1;
  }
  return computePercentage(within, judged);
}

function figuresOf(rows: Row[], sent: { sent: number; replies: number }, norms: Map<string, Norms>, now: Date) {
  const responded = rows.filter((row) => row.first_response_at !== null);
  const closed = rows.filter((row) => row.closed_at !== null && row.state === 'gesloten');
  return {
    conversations: rows.length,
    firstResponse: {
      ...summariseDurations(responded.map((row) => minutesBetween(row.started_at, row.first_response_at!))),
      withinNormPct: withinNorm(
        rows,
        norms,
        (row) => row.first_response_at,
        (n) => n.firstResponse,
        now,
      ),
    },
    resolution: {
      ...summariseDurations(closed.map((row) => minutesBetween(row.started_at, row.closed_at!))),
      withinNormPct: withinNorm(
        rows,
        norms,
        (row) => (row.state === 'gesloten' ? row.closed_at : null),
        (n) => n.resolution,
        now,
      ),
    },
    messagesSent: sent.sent,
    repliesSent: sent.replies,
    interactionPct: computePercentage(sent.replies, sent.sent),
  };
}

// First-response and resolution times (average, median, p90, share within norm), replies sent and the
// interaction percentage, per account and in total. Training accounts (gesimuleerd) are listed but left
// out of the total.
export async function computeConversationFigures(ctx: ServiceContext, query: Query) {
  assertCan(ctx.actor, 'insights.read');
  const organisationId = ctx.actor.organisationId;
  const { selected, scope } = await reportMunicipalities(ctx, query.municipality);
  const accounts = (await listChannelAccounts(ctx.db, scope)).filter((account) => !query.accountId || account.id === query.accountId);
  if (query.accountId && accounts.length === 0) {
    throw badRequest('onbekend-account', 'Dit kanaalaccount hoort niet bij uw gemeenten.', [
      { name: 'accountId', code: 'onbekend', reason: 'Kies een account van uw gemeenten.' },
    ]);
  }
  const period = resolveReportPeriod(query, selected[0]?.time_zone ?? 'Europe/Amsterdam', ctx.clock.now());
  const filter = { accountId: query.accountId, from: period.fromInstant, until: period.untilInstant };
  const [rows, sentRows] = await Promise.all([findConversationsForFigures(ctx.db, scope, filter), countSentByAccount(ctx.db, scope, filter)]);
  const norms = new Map<string, Norms>();
  for (const account of accounts) {
    const loaded = await loadAccountNorms(ctx.db, organisationId, account.id);
    norms.set(account.id, loaded ? { schedule: loaded.schedule, firstResponse: loaded.settings.firstResponse, resolution: loaded.settings.resolution } : null);
  }
  const sentOf = (ids: Set<string>) =>
    sentRows
      .filter((row) => ids.has(row.account_id))
      .reduce((sum, row) => ({ sent: sum.sent + Number(row.sent), replies: sum.replies + Number(row.replies) }), { sent: 0, replies: 0 });
  const now = ctx.clock.now();
  const real = new Set(accounts.filter((account) => account.channel !== 'gesimuleerd').map((account) => account.id));
  const cbsOf = new Map(selected.map((m) => [m.id, m.cbs_code]));
  return {
    municipalities: selected.map((m) => m.cbs_code),
    from: period.from,
    to: period.to,
    total: figuresOf(
      rows.filter((row) => real.has(row.account_id)),
      sentOf(real),
      norms,
      now,
    ),
    accounts: accounts.map((account) => ({
      accountId: account.id,
      handle: account.handle,
      channel: account.channel,
      municipality: cbsOf.get(account.municipality_id) ?? '',
      ...figuresOf(
        rows.filter((row) => row.account_id === account.id),
        sentOf(new Set([account.id])),
        norms,
        now,
      ),
    })),
  };
}

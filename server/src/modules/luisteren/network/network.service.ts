import { TENORS } from '@contracts/luisteren';
import {
  type AuthorGroup,
  type AuthorProfile,
  type authorGroupChangeSchema,
  NETWORK_GROUP_FILTERS,
  type NetworkPage,
  type networkQuerySchema,
} from '@contracts/network';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import { badRequest, notFound } from '@platform/http/http.errors';
import { actsForMunicipality, assertCan, narrowScope, scopeOf } from '@platform/tenancy/policy.rules';
import type { z } from 'zod';
import { findAuthorHistory } from '../explore/explore.repository';
import { toItemView } from '../explore/explore.service';
import { countAuthorWeeks, countComposition, findAuthorSummary, findNetworkAuthors } from './network.repository';
import { classifyAuthors, classifyPendingAuthors } from './network-classifier.jobs';
import { countPendingAuthors, deleteGroup, findAuthorFacts, findAuthorLists, findGroupRow, saveAnalystGroup } from './network-groups.repository';
import { cleanBio, suggestNetworkGroup } from './network-suggestion.rules';
import { listLastWeekStarts } from './weeks.rules';

const PAGE_SIZE = 50;
const DEFAULT_PERIOD_MS = 12 * 7 * 86_400_000;
const PROFILE_WEEKS = 12;
const RECENT_ITEMS = 20;
// A page catches up with the authors that wrote since the job last ran, but never waits for a whole burst:
// the rest is the job's, and the page says how many are still waiting.
const CATCH_UP = 1_000;

// Beheerders see every municipality of the organisation; others those they work for (as in explore).
function periodOf(ctx: ServiceContext, query: { van?: string; tot?: string; weken?: number }) {
  const until = query.tot ? new Date(query.tot) : undefined;
  const end = until ?? ctx.clock.now();
  const from = query.van ? new Date(query.van) : new Date(end.getTime() - (query.weken ? query.weken * 7 * 86_400_000 : DEFAULT_PERIOD_MS));
  if (from >= end)
    throw badRequest('ongeldige-periode', 'De periode klopt niet: "van" ligt na "tot".', [
      { name: 'van', code: 'ongeldig', reason: 'Kies een begin vóór het einde.' },
    ]);
  // Without "tot" the period runs up to now, including what was posted this very moment.
  return { from, until, end };
}

// The local network in a period: who wrote, in which group, how often, how critical, with what reach.
export async function listNetwork(ctx: ServiceContext, query: z.output<typeof networkQuerySchema>): Promise<NetworkPage> {
  assertCan(ctx.actor, 'listening.read');
  const organisationId = ctx.actor.organisationId;
  if (query.gemeente && !actsForMunicipality(ctx.actor, query.gemeente)) throw notFound('De gemeente');
  const { from, until, end } = periodOf(ctx, query);
  const scope = { municipalityIds: narrowScope(scopeOf(ctx.actor), query.gemeente).municipalityIds, from, until };
  await classifyPendingAuthors(ctx.db, ctx.clock, organisationId, CATCH_UP);
  const filter = { group: query.groep, search: query.zoek || undefined };
  const rows = await findNetworkAuthors(ctx.db, organisationId, scope, filter, { offset: (query.pagina - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  // Past the last page the rows carry no total; ask for it once.
  const total =
    rows[0]?.total ?? (query.pagina > 1 ? ((await findNetworkAuthors(ctx.db, organisationId, scope, filter, { offset: 0, limit: 1 }))[0]?.total ?? 0) : 0);
  const counted = new Map((await countComposition(ctx.db, organisationId, scope)).map((row) => [row.group, row]));
  return {
    period: { from: from.toISOString(), until: end.toISOString() },
    authors: rows.map((row) => ({
      handle: row.handle,
      name: row.name,
      channels: row.channels,
      group: row.network_group,
      source: row.source,
      reach: { latest: row.latest_followers, max: row.max_followers },
      items: row.items,
      critical: row.critical,
      supportive: row.supportive,
      lastSeen: new Date(row.last_seen).toISOString(),
    })),
    total,
    page: query.pagina,
    pageSize: PAGE_SIZE,
    composition: NETWORK_GROUP_FILTERS.map((group) => ({ group, authors: counted.get(group)?.authors ?? 0, items: counted.get(group)?.items ?? 0 })),
    pendingAuthors: await countPendingAuthors(ctx.db, organisationId),
  };
}

type GroupRow = Awaited<ReturnType<typeof findGroupRow>>;

function toGroupView(row: GroupRow): AuthorGroup {
  if (!row) return { group: null, source: null, reason: { words: [], lists: [] }, note: null, setBy: null, setAt: null };
  return {
    group: row.network_group,
    source: row.source,
    reason: { words: row.reason.words ?? [], lists: row.reason.lists ?? [] },
    note: row.note,
    setBy: row.source === 'analist' ? (row.set_by_name ?? null) : null,
    setAt: row.set_at.toISOString(),
  };
}

// What the automatic classification says of this author now, also when an analyst decided otherwise.
async function suggestionFor(ctx: ServiceContext, handle: string) {
  const [facts] = await findAuthorFacts(ctx.db, ctx.actor.organisationId, [handle]);
  const lists = (await findAuthorLists(ctx.db, ctx.actor.organisationId, [handle])).get(handle) ?? [];
  const suggestion = suggestNetworkGroup({ handle, name: facts?.name ?? null, bio: cleanBio(facts?.bio ?? null), lists: lists.map((list) => list.name) });
  return { suggestion: { group: suggestion.group, reason: { words: suggestion.words, lists: suggestion.lists } }, lists };
}

async function findVisibleAuthor(ctx: ServiceContext, handle: string) {
  const summary = await findAuthorSummary(ctx.db, scopeOf(ctx.actor), handle);
  // Another organisation's author, or one who wrote only in municipalities the actor does not work for.
  if (!summary) throw notFound('De auteur');
  return summary;
}

// An author's profile: reach, when they were seen, how often they wrote and in what tenor over the last twelve
// weeks, their lists and network group, and what they wrote last.
export async function getAuthorProfile(ctx: ServiceContext, handle: string): Promise<AuthorProfile> {
  assertCan(ctx.actor, 'listening.read');
  const organisationId = ctx.actor.organisationId;
  const summary = await findVisibleAuthor(ctx, handle);
  await classifyPendingAuthors(ctx.db, ctx.clock, organisationId, CATCH_UP);
  const starts = listLastWeekStarts(ctx.clock.now(), PROFILE_WEEKS, 'Europe/Amsterdam');
  const counts = await countAuthorWeeks(ctx.db, scopeOf(ctx.actor), handle, starts[0]!);
  const weeks = starts.map((start) => {
    const week = { week: start.toISOString(), items: 0, steun: 0, kritiek: 0, neutraal: 0, gemengd: 0 };
    for (const row of counts.filter((count) => new Date(count.week).getTime() === start.getTime())) {
      week[row.tenor] += row.n;
      week.items += row.n;
    }
    return week;
  });
  const { suggestion, lists } = await suggestionFor(ctx, handle);
  const recent = await findAuthorHistory(ctx.db, scopeOf(ctx.actor), handle, RECENT_ITEMS);
  return {
    handle,
    name: summary.name,
    channels: summary.channels,
    reach: { latest: summary.latest_followers, max: summary.max_followers },
    items: summary.items,
    firstSeen: new Date(summary.first_seen).toISOString(),
    lastSeen: new Date(summary.last_seen).toISOString(),
    tenor: Object.fromEntries(TENORS.map((tenor) => [tenor, summary[tenor]])) as AuthorProfile['tenor'],
    weeks,
    lists,
    group: toGroupView(await findGroupRow(ctx.db, organisationId, handle)),
    suggestion,
    recentItems: recent.map(toItemView),
  };
}

// The analyst's classification wins over the automatic one and stays until an analyst changes it; taking it
// away (null) brings back the automatic group at once.
export async function setAuthorGroup(ctx: ServiceContext, handle: string, input: z.output<typeof authorGroupChangeSchema>) {
  assertCan(ctx.actor, 'listening.review');
  return runInTransaction(ctx, async (tx) => {
    const organisationId = tx.actor.organisationId;
    await findVisibleAuthor(tx, handle);
    if (input.groep) {
      await saveAnalystGroup(tx.db, organisationId, {
        handle,
        group: input.groep,
        note: input.toelichting || null,
        userId: tx.actor.userId || null,
        at: tx.clock.now(),
      });
    } else {
      await deleteGroup(tx.db, organisationId, handle);
      await classifyAuthors(tx.db, tx.clock, organisationId, [handle]);
    }
    await recordAudit(tx, {
      action: input.groep ? 'auteur.netwerkgroep-gezet' : 'auteur.netwerkgroep-verwijderd',
      recordType: 'auteur',
      recordId: handle,
      details: { groep: input.groep, toelichting: input.toelichting || undefined },
    });
    return { group: toGroupView(await findGroupRow(tx.db, organisationId, handle)), suggestion: (await suggestionFor(tx, handle)).suggestion };
  });
}

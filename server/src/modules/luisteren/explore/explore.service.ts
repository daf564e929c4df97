import type { ItemFilter, itemListQuerySchema, ListeningItem, ListeningOverview } from '@contracts/luisteren';
import type { ServiceContext } from '@platform/context.service';
import { badRequest, notFound } from '@platform/http/http.errors';
import { actsForMunicipality, assertCan, narrowScope, scopeOf } from '@platform/tenancy/policy.rules';
import type { z } from 'zod';
import { findMonitors } from '../monitors/monitors.repository';
import { classifyPendingAuthors } from '../network/network-classifier.jobs';
import { countHashtags, countPerMonitor, countTerms, countTopAuthors, countVolume, findItem, findItems, findPlaces, type ItemRow } from './explore.repository';
import type { ResolvedFilter } from './item-filter.repository';

// Filtering by network group first classifies authors who wrote since the job last ran (up to this many).
const NETWORK_CATCH_UP = 1_000;

export function toItemView(row: ItemRow): ListeningItem {
  return {
    messageId: row.message_id,
    channel: row.channel,
    municipalityId: row.municipality_id,
    author: { handle: row.author_handle, name: row.author_name, followers: row.author_followers },
    text: row.text,
    subject: row.subject,
    postedAt: row.posted_at.toISOString(),
    publicUrl: row.public_url,
    geo: row.geo_lat !== null && row.geo_lon !== null ? { lat: row.geo_lat, lon: row.geo_lon } : null,
    language: row.language,
    tenor: row.tenor,
    tenorAuto: row.tenor_auto,
    tenorSource: row.reviewed_at ? 'mens' : row.tenor_auto_source,
    topic: row.topic,
    duplicates: row.duplicate_count,
    reach: row.reach,
    simulated: row.simulated,
    conversationId: row.conversation_id,
  };
}

// Beheerders see every municipality of the organisation; others those they work for.
export function resolveFilter(ctx: ServiceContext, filter: ItemFilter): ResolvedFilter {
  if (filter.gemeente && !actsForMunicipality(ctx.actor, filter.gemeente)) throw notFound('De gemeente');
  const from = filter.van ? new Date(filter.van) : undefined;
  const until = filter.tot ? new Date(filter.tot) : undefined;
  if (from && until && from >= until) {
    throw badRequest('ongeldige-periode', 'De periode klopt niet: "van" ligt na "tot".', [
      { name: 'van', code: 'ongeldig', reason: 'Kies een begin vóór het einde.' },
    ]);
  }
  return {
    municipalityIds: narrowScope(scopeOf(ctx.actor), filter.gemeente).municipalityIds,
    q: filter.q || undefined,
    monitorId: filter.monitor,
    channel: filter.bron,
    tenor: filter.tenor,
    from,
    until,
    author: filter.auteur,
    listId: filter.lijst,
    networkGroup: filter.groep,
    rumourId: filter.gerucht,
    withPlace: filter.metPlaats === 'ja' || undefined,
    reviewed: filter.beoordeeld === undefined ? undefined : filter.beoordeeld === 'ja',
  };
}

const encodeCursor = (row: ItemRow) => Buffer.from(`${row.posted_at.toISOString()}|${row.message_id}`).toString('base64url');

function decodeCursor(cursor: string) {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const postedAt = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(postedAt.getTime())) {
    throw badRequest('ongeldige-cursor', 'Deze cursor kent Plein niet. Gebruik de nextCursor uit het vorige antwoord.', [
      { name: 'before', code: 'ongeldig', reason: 'Onbekende cursor' },
    ]);
  }
  return { postedAt, messageId: id };
}

export async function listItems(ctx: ServiceContext, query: z.infer<typeof itemListQuerySchema>) {
  assertCan(ctx.actor, 'listening.read');
  const { before, limit, ...filter } = query;
  if (filter.groep) await classifyPendingAuthors(ctx.db, ctx.clock, ctx.actor.organisationId, NETWORK_CATCH_UP);
  const rows = await findItems(ctx.db, ctx.actor.organisationId, resolveFilter(ctx, filter), before ? decodeCursor(before) : null, limit + 1);
  const page = rows.slice(0, limit);
  return { items: page.map(toItemView), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null };
}

export async function findVisibleItem(ctx: ServiceContext, messageId: string) {
  const row = await findItem(ctx.db, ctx.actor.organisationId, messageId);
  if (!row || !actsForMunicipality(ctx.actor, row.municipality_id)) throw notFound('Het bericht');
  return row;
}

const EMPTY_TENOR = { steun: 0, kritiek: 0, neutraal: 0, gemengd: 0 };

// Everything the Luisteren page shows above the list, for the same filters.
export async function summariseItems(ctx: ServiceContext, filter: ItemFilter): Promise<ListeningOverview> {
  assertCan(ctx.actor, 'listening.read');
  const resolved = resolveFilter(ctx, filter);
  const organisationId = ctx.actor.organisationId;
  if (filter.groep) await classifyPendingAuthors(ctx.db, ctx.clock, organisationId, NETWORK_CATCH_UP);
  const spanDays = resolved.from ? ((resolved.until ?? ctx.clock.now()).getTime() - resolved.from.getTime()) / 86_400_000 : Infinity;
  const bucket = spanDays <= 3 ? 'hour' : 'day';
  const monitors = (await findMonitors(ctx.db, organisationId)).filter(
    (monitor) => monitor.municipality_id === null || actsForMunicipality(ctx.actor, monitor.municipality_id),
  );
  const [volumeRows, authors, hashtags, terms, perMonitor, places] = [
    await countVolume(ctx.db, organisationId, resolved, bucket),
    await countTopAuthors(ctx.db, organisationId, resolved, 10),
    await countHashtags(ctx.db, organisationId, resolved, 15),
    await countTerms(ctx.db, organisationId, resolved, 20),
    await countPerMonitor(
      ctx.db,
      organisationId,
      resolved,
      monitors.map((monitor) => monitor.id),
    ),
    await findPlaces(ctx.db, organisationId, resolved, 500),
  ];
  const volume = new Map<string, ListeningOverview['volume'][number]>();
  const tenor = { ...EMPTY_TENOR };
  for (const row of volumeRows) {
    const at = new Date(row.at).toISOString();
    const entry = volume.get(at) ?? { at, ...EMPTY_TENOR };
    entry[row.tenor] += row.n;
    tenor[row.tenor] += row.n;
    volume.set(at, entry);
  }
  const names = new Map(monitors.map((monitor) => [monitor.id, monitor.name]));
  return {
    total: Object.values(tenor).reduce((sum, n) => sum + n, 0),
    bucket: bucket === 'hour' ? 'uur' : 'dag',
    volume: [...volume.values()],
    tenor,
    topAuthors: authors.map((row) => ({
      handle: row.author_handle,
      name: row.name,
      items: row.items,
      reach: row.reach,
      critical: row.critical,
      supportive: row.supportive,
    })),
    hashtags: hashtags.map((row) => ({ tag: row.tag, items: row.items })),
    terms,
    shareOfVoice: perMonitor
      .map((row) => ({ monitorId: row.monitor_id, name: names.get(row.monitor_id) ?? '', items: row.items }))
      .sort((a, b) => b.items - a.items),
    places: places.map((row) => ({ messageId: row.message_id, lat: row.geo_lat!, lon: row.geo_lon!, tenor: row.tenor, text: row.text.slice(0, 140) })),
  };
}

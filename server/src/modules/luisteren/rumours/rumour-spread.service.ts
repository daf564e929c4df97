import type { RumourDetail } from '@contracts/rumours';
import type { ServiceContext } from '@platform/context.service';
import { actsForMunicipality, assertCan } from '@platform/tenancy/policy.rules';
import { formatLocalIsoDate, startOfLocalDay } from '@platform/time/local-days.rules';
import { computeExactDuplicateKey } from '../analysis';
import { toMessageRef } from './rumour.views';
import { countSpread, findLinkedMessages, findMessage, findSpreadBounds, listNewestSpread, type SpreadSource } from './rumours.repository';
import { findRumourOr404, getRumour } from './rumours.service';

const ZONE = 'Europe/Amsterdam';
const HOUR = 3_600_000;
// Up to three days an hour is the step that shows a wave; beyond that days keep the chart readable.
const HOURLY_UP_TO = 3 * 24 * HOUR;

// A rumour with the spread of its messages (copies included) and of the correction on one time axis, so the
// analyst sees whether the correction catches up.
export async function getRumourDetail(ctx: ServiceContext, rumourId: string): Promise<RumourDetail> {
  assertCan(ctx.actor, 'listening.read');
  const row = await findRumourOr404(ctx, rumourId);
  const organisationId = ctx.actor.organisationId;
  const rumourSource: SpreadSource = { kind: 'rumour', rumourId };
  const correctionUrls = [row.correction_url].filter((url): url is string => !!url);
  const hasCorrection = row.correction_message_id !== null || correctionUrls.length > 0;
  const rumourBounds = await findSpreadBounds(ctx.db, organisationId, rumourSource);
  const since = rumourBounds.first ? new Date(rumourBounds.first) : null;
  const correctionMessage = row.correction_message_id ? await findMessage(ctx.db, organisationId, row.correction_message_id) : undefined;
  const ownPost =
    correctionMessage?.direction === 'uit'
      ? { exactKey: computeExactDuplicateKey(correctionMessage.text), postedAt: new Date(correctionMessage.posted_at) }
      : null;
  const correctionSource: SpreadSource = { kind: 'correction', messageId: row.correction_message_id, urls: correctionUrls, since, ownPost };
  const correctionBounds = hasCorrection ? await findSpreadBounds(ctx.db, organisationId, correctionSource) : null;
  const firsts = [rumourBounds.first, correctionBounds?.first].filter((at): at is Date => !!at).map((at) => new Date(at).getTime());
  const lasts = [rumourBounds.last, correctionBounds?.last].filter((at): at is Date => !!at).map((at) => new Date(at).getTime());
  const span = firsts.length > 0 ? Math.max(...lasts) - Math.min(...firsts) : 0;
  const bucket = span <= HOURLY_UP_TO ? 'hour' : 'day';

  const rumourCounts = await countSpread(ctx.db, organisationId, rumourSource, bucket);
  const correctionCounts = hasCorrection ? await countSpread(ctx.db, organisationId, correctionSource, bucket) : [];
  const spread = fillBuckets(rumourCounts, correctionCounts, bucket);
  const correctionAhead = spread.find((point) => point.correction > point.rumour);

  const linked = await findLinkedMessages(ctx.db, organisationId, rumourId);
  const newest = await listNewestSpread(ctx.db, organisationId, rumourSource, 20);
  const visible = (row: { municipality_id: string }) => actsForMunicipality(ctx.actor, row.municipality_id);

  return {
    ...(await getRumour(ctx, rumourId)),
    bucket: bucket === 'hour' ? 'uur' : 'dag',
    spread,
    totals: {
      rumour: rumourBounds.n,
      copies: Math.max(0, rumourBounds.n - linked.length),
      correction: correctionBounds?.n ?? 0,
      reach: rumourBounds.reach,
    },
    correctionAheadAt: correctionAhead?.at ?? null,
    linked: linked.filter(visible).map((message) => ({ ...toMessageRef(message), origin: message.origin, copies: message.copies })),
    newest: newest.filter(visible).map((message) => ({ ...toMessageRef(message), copyOf: message.copy_of })),
  };
}

// One point per hour or day from the first message to the last, zeros included, so a quiet hour shows as one.
function fillBuckets(rumour: Array<{ at: Date; n: number }>, correction: Array<{ at: Date; n: number }>, bucket: 'hour' | 'day') {
  const key = (at: Date) => new Date(at).getTime();
  const rumourBy = new Map(rumour.map((row) => [key(row.at), row.n]));
  const correctionBy = new Map(correction.map((row) => [key(row.at), row.n]));
  const all = [...rumourBy.keys(), ...correctionBy.keys()];
  if (all.length === 0) return [];
  const last = Math.max(...all);
  const points: RumourDetail['spread'] = [];
  // Days are 23 to 25 hours around the clock change, so the next day is found from the calendar, not by adding 24h.
  const next = (at: number) => (bucket === 'hour' ? at + HOUR : startOfLocalDay(formatLocalIsoDate(new Date(at + 26 * HOUR), ZONE), ZONE).getTime());
  for (let at = Math.min(...all); at <= last && points.length < 2000; at = next(at)) {
    points.push({ at: new Date(at).toISOString(), rumour: rumourBy.get(at) ?? 0, correction: correctionBy.get(at) ?? 0 });
  }
  return points;
}

import type { Channel, Message } from '@contracts/channels';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { MessageRow } from '@platform/db/database.schema';
import { badRequest, notFound } from '@platform/http/http.errors';
import { actsForMunicipality, assertCan, scopeOf } from '@platform/tenancy/policy.rules';
import { findAccount } from './accounts.repository';
import { buildPlainMessage } from './connector.types';
import { storeMessages } from './ingest.service';
import { findMessage, findMessages } from './messages.repository';

export function toMessageView(row: MessageRow): Message {
  return {
    id: row.id,
    accountId: row.account_id,
    municipalityId: row.municipality_id,
    channel: row.channel as Channel,
    direction: row.direction,
    platformId: row.platform_id,
    author: { id: row.author_id, handle: row.author_handle, displayName: row.author_name, followers: row.author_followers },
    text: row.text,
    subject: row.subject,
    media: row.media as Message['media'],
    links: row.links,
    mentions: row.mentions,
    hashtags: row.hashtags,
    replyToPlatformId: row.reply_to_platform_id,
    threadRootPlatformId: row.thread_root_platform_id,
    geo: row.geo_lat !== null && row.geo_lon !== null ? { lat: row.geo_lat, lon: row.geo_lon } : null,
    language: row.language,
    publicUrl: row.public_url,
    visibility: row.visibility,
    postedAt: row.posted_at.toISOString(),
    receivedAt: row.received_at.toISOString(),
    simulated: row.simulated,
  };
}

function encodeCursor(row: MessageRow) {
  return Buffer.from(`${row.received_at.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string) {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const receivedAt = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(receivedAt.getTime())) {
    throw badRequest('ongeldige-cursor', 'Deze cursor kent Plein niet. Gebruik de nextCursor uit het vorige antwoord.', [
      { name: 'before', code: 'ongeldig', reason: 'Onbekende cursor' },
    ]);
  }
  return { receivedAt, id };
}

export async function listMessages(ctx: ServiceContext, query: { accountId?: string; channel?: string; before?: string; limit: number }) {
  assertCan(ctx.actor, 'messages.read');
  const rows = await findMessages(ctx.db, scopeOf(ctx.actor), {
    accountId: query.accountId,
    channel: query.channel,
    before: query.before ? decodeCursor(query.before) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return { messages: page.map(toMessageView), nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]!) : null };
}

export async function getMessage(ctx: ServiceContext, messageId: string) {
  assertCan(ctx.actor, 'messages.read');
  const row = await findMessage(ctx.db, ctx.actor.organisationId, messageId);
  if (!row || !actsForMunicipality(ctx.actor, row.municipality_id)) throw notFound('Het bericht');
  return toMessageView(row);
}

export interface PhoneNoteInput {
  accountId: string;
  callerName?: string;
  callerPhone?: string;
  callerEmail?: string;
  summary: string;
  calledAt?: string;
}

// A KCC agent's note of a call becomes an inbound message on the "telefoon" channel, so the caller's
// question sits in the same history as their e-mails and posts.
export async function logPhoneCall(ctx: ServiceContext, input: PhoneNoteInput) {
  assertCan(ctx.actor, 'messages.log');
  const account = await findAccount(ctx.db, ctx.actor.organisationId, input.accountId);
  if (account?.channel !== 'telefoon' || !actsForMunicipality(ctx.actor, account.municipality_id)) {
    throw badRequest('geen-telefoonlijn', 'Kies een telefoonlijn van uw gemeente.', [
      { name: 'accountId', code: 'onbekend', reason: 'Dit is geen telefoonaccount van uw gemeenten.' },
    ]);
  }
  const calledAt = input.calledAt ? new Date(input.calledAt) : ctx.clock.now();
  if (Number.isNaN(calledAt.getTime()) || calledAt > ctx.clock.now()) {
    throw badRequest('ongeldig-tijdstip', 'Het tijdstip van het gesprek klopt niet.', [
      { name: 'calledAt', code: 'ongeldig', reason: 'Gebruik een tijdstip dat al geweest is.' },
    ]);
  }
  const caller = input.callerPhone ?? input.callerEmail ?? input.callerName ?? 'onbekende beller';
  return runInTransaction(ctx, async (tx) => {
    const [id] = await storeMessages(tx.db, tx.clock, account, [
      buildPlainMessage({
        platformId: `telefoon-${crypto.randomUUID()}`,
        author: { id: input.callerPhone ?? input.callerEmail ?? `beller:${caller}`, handle: caller, displayName: input.callerName ?? null, followers: null },
        text: input.summary,
        language: 'nl',
        visibility: 'prive',
        postedAt: calledAt,
        raw: { loggedBy: tx.actor.userId, callerEmail: input.callerEmail ?? null },
      }),
    ]);
    await recordAudit(tx, { action: 'telefoongesprek.vastgelegd', recordType: 'bericht', recordId: id! });
    return getMessage(tx, id!);
  });
}

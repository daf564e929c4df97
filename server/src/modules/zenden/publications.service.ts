import { CHANNEL_REQUIREMENTS } from '@contracts/channel-fields';
import { CHANNEL_CAPABILITIES, checkLength } from '@contracts/channel-limits';
import type { Channel } from '@contracts/channels';
import type { Publication, PublicationCreate, PublicationStatus } from '@contracts/publications';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { Db } from '@platform/db/database.client';
import type { PublicationChannelRow, PublicationRow } from '@platform/db/database.schema';
import { badRequest, conflict, type InvalidParam, notFound } from '@platform/http/http.errors';
import { answerOnce, type IdempotentCall } from '@platform/http/idempotency.service';
import { findMunicipality } from '@platform/organisations/organisations.repository';
import { actsForMunicipality, assertCan, scopeOf } from '@platform/tenancy/policy.rules';
import { findChannelAccount, findOutboxEntry } from '../channels/index';
import { readPlannedMoment } from './planned-moment.rules';
import { findPublication, findPublicationChannels, findPublications, insertPublication, movePublication } from './publications.repository';

type ChannelAccount = NonNullable<Awaited<ReturnType<typeof findChannelAccount>>>;

// A minute of grace: a post planned "now" in a form that took a few seconds to send is not in the past.
const PAST_GRACE_MS = 60_000;
const DAY_MS = 86_400_000;

async function municipalityOf(ctx: ServiceContext, municipalityId: string) {
  const municipality = await findMunicipality(ctx.db, ctx.actor.organisationId, municipalityId);
  if (!municipality || !actsForMunicipality(ctx.actor, municipalityId)) {
    throw badRequest('onbekende-gemeente', 'Deze gemeente hoort niet bij uw organisatie.', [
      { name: 'municipalityId', code: 'onbekend', reason: 'Kies een gemeente van uw organisatie.' },
    ]);
  }
  return municipality;
}

function readFutureMoment(ctx: ServiceContext, text: string, zone: string): Date {
  const moment = readPlannedMoment(text, zone);
  if (!moment) {
    throw badRequest('ongeldig-tijdstip', 'Het tijdstip is geen datum en tijd.', [
      { name: 'plannedAt', code: 'ongeldig', reason: 'Vul een datum en tijd in, zoals 2027-03-28T09:30.' },
    ]);
  }
  if (moment.getTime() < ctx.clock.now().getTime() - PAST_GRACE_MS) {
    throw badRequest('tijdstip-voorbij', 'Dit tijdstip is al voorbij.', [{ name: 'plannedAt', code: 'voorbij', reason: 'Kies een tijdstip in de toekomst.' }]);
  }
  return moment;
}

// Every variant checked before anything is stored, each problem named at its own field: the account belongs to the
// municipality, can post, has its credentials, and the text fits as the platform counts.
async function checkVariants(ctx: ServiceContext, input: PublicationCreate) {
  const problems: InvalidParam[] = [];
  const accounts: ChannelAccount[] = [];
  const seen = new Set<string>();
  for (const [index, variant] of input.variants.entries()) {
    const field = `variants.${index}`;
    const account = await findChannelAccount(ctx.db, ctx.actor.organisationId, variant.accountId);
    if (!account || account.municipality_id !== input.municipalityId) {
      problems.push({ name: `${field}.accountId`, code: 'onbekend', reason: 'Dit account hoort niet bij deze gemeente.' });
      continue;
    }
    const channel = account.channel as Channel;
    const capabilities = CHANNEL_CAPABILITIES[channel];
    if (seen.has(account.id)) problems.push({ name: `${field}.accountId`, code: 'dubbel', reason: `${account.handle} staat er twee keer in.` });
    seen.add(account.id);
    if (!capabilities.post) {
      problems.push({ name: `${field}.accountId`, code: 'niet-mogelijk', reason: `Via ${capabilities.label} kan Plein geen bericht plaatsen.` });
      continue;
    }
    const needsSecret = CHANNEL_REQUIREMENTS[channel].fields.some((requirement) => requirement.kind === 'secret' && requirement.required);
    if (needsSecret && account.secrets_sealed === null) {
      problems.push({
        name: `${field}.accountId`,
        code: 'geen-inloggegevens',
        reason: `${account.handle} heeft geen inloggegevens; koppel het account eerst in Beheer → Kanalen.`,
      });
    }
    const length = checkLength(channel, variant.text);
    if (!length.fits) {
      problems.push({ name: `${field}.text`, code: 'te-lang', reason: `${length.length} van de ${length.max} tekens die ${capabilities.label} toestaat.` });
    }
    accounts.push(account);
  }
  if (problems.length > 0) throw badRequest('publicatie-ongeldig', 'Het bericht kan zo niet worden gepland.', problems);
  return accounts;
}

// With an Idempotency-Key (the form sends one per content) a retried or double-clicked request plans once and gets
// the first answer back.
export async function planPublication(ctx: ServiceContext, input: PublicationCreate, call: IdempotentCall): Promise<Publication> {
  assertCan(ctx.actor, 'publications.manage');
  const municipality = await municipalityOf(ctx, input.municipalityId);
  const plannedAt = readFutureMoment(ctx, input.plannedAt, municipality.time_zone);
  const accounts = await checkVariants(ctx, input);
  return answerOnce(ctx.db, ctx.clock, ctx.actor.organisationId, call, async (trx) => {
    const tx = { ...ctx, db: trx };
    const row = await insertPublication(
      tx.db,
      {
        organisation_id: tx.actor.organisationId,
        municipality_id: municipality.id,
        title: input.title,
        status: 'gepland',
        planned_at: plannedAt,
        created_by: tx.actor.userId || null,
        created_at: tx.clock.now(),
      },
      input.variants.map((variant, position) => ({ account_id: variant.accountId, position, text: variant.text })),
    );
    await recordAudit(tx, {
      action: 'publicatie.gepland',
      recordType: 'publicatie',
      recordId: row.id,
      details: { municipalityId: municipality.id, plannedAt: plannedAt.toISOString(), accounts: accounts.map((account) => account.id) },
    });
    return (await toPublicationViews(tx.db, [row]))[0]!;
  });
}

export async function listPublications(ctx: ServiceContext, query: { municipalityId?: string; from?: string; to?: string; status?: PublicationStatus }) {
  assertCan(ctx.actor, 'publications.read');
  const from = query.from ? readBound(query.from, 'from') : new Date(ctx.clock.now().getTime() - 7 * DAY_MS);
  const to = query.to ? readBound(query.to, 'to') : new Date(from.getTime() + 31 * DAY_MS);
  if (to <= from)
    throw badRequest('ongeldige-periode', 'Het einde van de periode ligt voor het begin.', [
      { name: 'to', code: 'voor-begin', reason: 'Kies een later einde.' },
    ]);
  const rows = await findPublications(ctx.db, scopeOf(ctx.actor), { municipalityId: query.municipalityId, from, to, status: query.status });
  return toPublicationViews(ctx.db, rows);
}

function readBound(text: string, name: string): Date {
  const moment = readPlannedMoment(text, 'Europe/Amsterdam');
  if (!moment)
    throw badRequest('ongeldig-tijdstip', 'Dit is geen tijdstip.', [{ name, code: 'ongeldig', reason: 'Gebruik ISO 8601, zoals 2027-03-01T00:00:00+01:00.' }]);
  return moment;
}

async function loadVisible(ctx: ServiceContext, publicationId: string) {
  const row = await findPublication(ctx.db, ctx.actor.organisationId, publicationId);
  if (!row || !actsForMunicipality(ctx.actor, row.municipality_id)) throw notFound('De publicatie');
  return row;
}

export async function getPublication(ctx: ServiceContext, publicationId: string) {
  assertCan(ctx.actor, 'publications.read');
  return (await toPublicationViews(ctx.db, [await loadVisible(ctx, publicationId)]))[0]!;
}

const ALREADY_HANDED_OVER = 'Deze publicatie is al aan de kanalen gegeven of geannuleerd; wijzigen kan niet meer.';

export async function cancelPublication(ctx: ServiceContext, publicationId: string) {
  assertCan(ctx.actor, 'publications.manage');
  const row = await loadVisible(ctx, publicationId);
  return runInTransaction(ctx, async (tx) => {
    const moved = await movePublication(tx.db, row.organisation_id, row.id, { status: 'gepland' }, { status: 'geannuleerd' });
    if (!moved) throw conflict('niet-meer-gepland', ALREADY_HANDED_OVER);
    await recordAudit(tx, { action: 'publicatie.geannuleerd', recordType: 'publicatie', recordId: row.id, details: {} });
    return (await toPublicationViews(tx.db, [moved]))[0]!;
  });
}

export async function reschedulePublication(ctx: ServiceContext, publicationId: string, change: { plannedAt: string; version: number }) {
  assertCan(ctx.actor, 'publications.manage');
  const row = await loadVisible(ctx, publicationId);
  const municipality = await municipalityOf(ctx, row.municipality_id);
  const plannedAt = readFutureMoment(ctx, change.plannedAt, municipality.time_zone);
  return runInTransaction(ctx, async (tx) => {
    const moved = await movePublication(tx.db, row.organisation_id, row.id, { status: 'gepland', version: change.version }, { planned_at: plannedAt });
    if (!moved) {
      if (row.status !== 'gepland') throw conflict('niet-meer-gepland', ALREADY_HANDED_OVER);
      throw conflict('intussen-gewijzigd', 'Iemand anders heeft deze publicatie intussen gewijzigd. Laad de pagina opnieuw.');
    }
    await recordAudit(tx, {
      action: 'publicatie.verplaatst',
      recordType: 'publicatie',
      recordId: row.id,
      details: { from: row.planned_at.toISOString(), to: plannedAt.toISOString() },
    });
    return (await toPublicationViews(tx.db, [moved]))[0]!;
  });
}

// What became of each channel, read from the outbox item the variant became: the outbox is where sending happens
// exactly once, so it is the one place that knows.
async function channelResult(db: Db, publication: PublicationRow, channel: PublicationChannelRow) {
  if (!channel.outbox_id) return { result: publication.status === 'geannuleerd' ? 'geannuleerd' : 'gepland', publicUrl: null, error: null } as const;
  const item = await findOutboxEntry(db, publication.organisation_id, channel.outbox_id);
  if (!item || item.status === 'wachtend') return { result: 'wachtend', publicUrl: null, error: item?.last_error ?? null } as const;
  if (item.status === 'verzonden') return { result: 'gepubliceerd', publicUrl: item.public_url, error: null } as const;
  // Failed after a call without outcome: the platform may have it, and a person decides.
  return { result: item.send_started_at ? 'onzeker' : 'mislukt', publicUrl: null, error: item.last_error } as const;
}

async function toPublicationViews(db: Db, rows: PublicationRow[]): Promise<Publication[]> {
  const channels = await findPublicationChannels(
    db,
    rows[0]?.organisation_id ?? '',
    rows.map((row) => row.id),
  );
  const accounts = new Map<string, ChannelAccount | undefined>();
  const views: Publication[] = [];
  for (const row of rows) {
    const own = channels.filter((channel) => channel.publication_id === row.id);
    const results = [];
    for (const channel of own) {
      if (!accounts.has(channel.account_id)) accounts.set(channel.account_id, await findChannelAccount(db, row.organisation_id, channel.account_id));
      const account = accounts.get(channel.account_id);
      results.push({
        accountId: channel.account_id,
        channel: account?.channel ?? 'onbekend',
        handle: account?.handle ?? 'onbekend account',
        text: channel.text,
        outboxId: channel.outbox_id,
        ...(await channelResult(db, row, channel)),
      });
    }
    // Handed over and every channel has its outcome: done, whatever each outcome is (each is shown on its own).
    const settled = row.status === 'bezig' && results.every((result) => result.result !== 'wachtend' && result.result !== 'gepland');
    views.push({
      id: row.id,
      municipalityId: row.municipality_id,
      title: row.title,
      status: settled ? 'afgerond' : row.status,
      plannedAt: row.planned_at.toISOString(),
      version: row.version,
      channels: results,
      createdBy: row.created_by,
      createdAt: row.created_at.toISOString(),
      handedOverAt: row.handed_over_at?.toISOString() ?? null,
    });
  }
  return views;
}

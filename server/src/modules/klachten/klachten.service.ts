import {
  CLOSED_KLACHT_STATUSES,
  type Klacht,
  type KlachtChannel,
  type KlachtCreate,
  type KlachtDetail,
  type KlachtOutcome,
  type KlachtStatus,
  type KlachtTheme,
} from '@contracts/klachten';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { Db } from '@platform/db/database.client';
import type { KlachtEventRow, KlachtEventsTable, KlachtRow } from '@platform/db/database.schema';
import { badRequest, notFound } from '@platform/http/http.errors';
import { findMunicipalities } from '@platform/organisations/organisations.repository';
import { actsForMunicipality, assertCan, narrowScope, scopeOf } from '@platform/tenancy/policy.rules';
import { findUser, findUsers } from '@platform/users/users.repository';
import { findStoredMessage } from '../channels/index';
import { hasMelding } from '../meldingen/index';
import { mailComplainant, writeAcknowledgementLetter } from './klacht.mail';
import { computeKlachtDeadline, formatLocalIsoDate, startOfLocalDay } from './klacht-termijn.rules';
import {
  findKlacht,
  findKlachtEvents,
  findKlachten,
  findKlachtenBySourceMessages,
  insertKlacht,
  insertKlachtEvent,
  lockKlacht,
  takeNextKlachtNumber,
} from './klachten.repository';

export function isClosed(status: string): boolean {
  return CLOSED_KLACHT_STATUSES.includes(status as KlachtStatus);
}

function toKlachtView(ctx: ServiceContext, row: KlachtRow, names: Map<string, string>, timeZone: string): Klacht {
  return {
    id: row.id,
    number: row.number,
    municipalityId: row.municipality_id,
    status: row.status as KlachtStatus,
    complainantName: row.complainant_name,
    complainantEmail: row.complainant_email,
    complainantPhone: row.complainant_phone,
    complainantAddress: row.complainant_address,
    subject: row.subject,
    complainedUserId: row.complained_user_id,
    complainedUserName: row.complained_user_id ? (names.get(row.complained_user_id) ?? null) : null,
    complainedAbout: row.complained_about,
    theme: row.theme as KlachtTheme,
    channel: row.channel as KlachtChannel,
    messageId: row.message_id,
    meldingId: row.melding_id,
    receivedOn: formatLocalIsoDate(row.received_at, timeZone),
    registeredAt: row.registered_at.toISOString(),
    deadline: row.deadline.toISOString(),
    originalDeadline: row.original_deadline.toISOString(),
    extension:
      row.extension_weeks && row.extended_at ? { weeks: row.extension_weeks, reason: row.extension_reason ?? '', at: row.extended_at.toISOString() } : null,
    overdue: !isClosed(row.status) && row.deadline < ctx.clock.now(),
    handlerUserId: row.handler_user_id,
    handlerName: row.handler_user_id ? (names.get(row.handler_user_id) ?? null) : null,
    hearing: row.hearing_at && row.hearing_place ? { at: row.hearing_at.toISOString(), place: row.hearing_place } : null,
    hearingWaived: row.hearing_waived,
    outcome: row.outcome as KlachtOutcome | null,
    conclusion: row.conclusion,
    closedAt: row.closed_at?.toISOString() ?? null,
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
  };
}

function toEventView(row: KlachtEventRow) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    kind: row.kind,
    fromStatus: row.from_status as KlachtStatus | null,
    toStatus: row.to_status as KlachtStatus | null,
    text: row.text,
    actorName: row.actor_name,
    sentToComplainant: row.sent_to_complainant,
  };
}

async function userNames(ctx: ServiceContext) {
  return new Map((await findUsers(ctx.db, ctx.actor.organisationId)).map((user) => [user.id, user.name]));
}

export async function findKlachtMunicipality(ctx: ServiceContext, municipalityId: string) {
  const municipality = (await findMunicipalities(ctx.db, ctx.actor.organisationId)).find((m) => m.id === municipalityId);
  if (!municipality) throw notFound('De gemeente');
  return municipality;
}

// Another organisation's klacht, or one of a municipality the user does not work for, does not exist for them.
export async function findVisibleKlacht(ctx: ServiceContext, klachtId: string, lock = false) {
  const row = lock ? await lockKlacht(ctx.db, ctx.actor.organisationId, klachtId) : await findKlacht(ctx.db, ctx.actor.organisationId, klachtId);
  if (!row || !actsForMunicipality(ctx.actor, row.municipality_id)) throw notFound('De klacht');
  return row;
}

export type KlachtEventInput = Pick<KlachtEventsTable, 'kind'> & {
  text?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  sentToComplainant?: boolean;
};

export async function addKlachtEvent(ctx: ServiceContext, klachtId: string, event: KlachtEventInput) {
  await insertKlachtEvent(ctx.db, {
    organisation_id: ctx.actor.organisationId,
    klacht_id: klachtId,
    at: ctx.clock.now(),
    kind: event.kind,
    text: event.text ?? null,
    from_status: event.fromStatus ?? null,
    to_status: event.toStatus ?? null,
    actor_user_id: ctx.actor.userId || null,
    actor_name: ctx.actor.name,
    sent_to_complainant: event.sentToComplainant ?? false,
  });
}

function unknown(name: string, code: string, detail: string, reason: string) {
  return badRequest(code, detail, [{ name, code: 'onbekend', reason }]);
}

export async function registerKlacht(ctx: ServiceContext, input: KlachtCreate): Promise<KlachtDetail> {
  assertCan(ctx.actor, 'klachten.manage');
  return runInTransaction(ctx, async (tx) => {
    const organisationId = tx.actor.organisationId;
    const municipality = (await findMunicipalities(tx.db, organisationId)).find((m) => m.id === input.municipalityId);
    if (!municipality || !actsForMunicipality(tx.actor, municipality.id)) {
      throw unknown('municipalityId', 'onbekende-gemeente', 'Deze gemeente bestaat niet of u werkt er niet voor.', 'Kies een gemeente waarvoor u werkt.');
    }
    if (input.complainedUserId && !(await findUser(tx.db, organisationId, input.complainedUserId))) {
      throw unknown('complainedUserId', 'onbekende-gebruiker', 'Deze medewerker bestaat niet.', 'Kies een medewerker van uw organisatie.');
    }
    if (input.messageId && !(await findStoredMessage(tx.db, organisationId, input.messageId))) {
      throw unknown('messageId', 'onbekend-bericht', 'Dit bericht bestaat niet.', 'Kies een bericht uit een kanaal van uw organisatie.');
    }
    if (input.meldingId && !(await hasMelding(tx.db, organisationId, input.meldingId))) {
      throw unknown('meldingId', 'onbekende-melding', 'Deze melding bestaat niet.', 'Kies een melding van uw organisatie.');
    }
    const now = tx.clock.now();
    const timeZone = municipality.time_zone;
    const today = formatLocalIsoDate(now, timeZone);
    const receivedOn = input.receivedOn ?? today;
    if (receivedOn > today) {
      throw badRequest('ontvangen-in-toekomst', 'De datum van ontvangst ligt in de toekomst.', [
        { name: 'receivedOn', code: 'in-toekomst', reason: 'Vul de datum in waarop de klacht binnenkwam (vandaag of eerder).' },
      ]);
    }
    const receivedAt = startOfLocalDay(receivedOn, timeZone);
    const deadline = computeKlachtDeadline(receivedAt, 0, timeZone);
    const number = await takeNextKlachtNumber(tx.db, organisationId, Number(today.slice(0, 4)));
    const klacht = await insertKlacht(tx.db, {
      organisation_id: organisationId,
      number,
      municipality_id: municipality.id,
      complainant_name: input.complainantName,
      complainant_email: input.complainantEmail?.toLowerCase() ?? null,
      complainant_phone: input.complainantPhone ?? null,
      complainant_address: input.complainantAddress || null,
      subject: input.subject,
      complained_user_id: input.complainedUserId ?? null,
      complained_about: input.complainedAbout || null,
      theme: input.theme,
      channel: input.channel,
      message_id: input.messageId ?? null,
      melding_id: input.meldingId ?? null,
      received_at: receivedAt,
      registered_at: now,
      original_deadline: deadline,
      deadline,
      acknowledged_at: input.complainantEmail ? now : null,
    });
    await addKlachtEvent(tx, klacht.id, { kind: 'geregistreerd', toStatus: 'ontvangen', text: null });
    // Awb 9:6: acknowledge receipt in writing, by e-mail when we have an address.
    const mailed = await mailComplainant(tx.db, klacht, now, writeAcknowledgementLetter(klacht, municipality.name, timeZone));
    await addKlachtEvent(tx, klacht.id, {
      kind: 'ontvangstbevestiging',
      text: mailed
        ? `Ontvangstbevestiging gemaild naar ${klacht.complainant_email}.`
        : 'Geen e-mailadres bekend: stuur de ontvangstbevestiging per post (Awb 9:6).',
      sentToComplainant: mailed,
    });
    await recordAudit(tx, {
      action: 'klacht.geregistreerd',
      recordType: 'klacht',
      recordId: klacht.id,
      details: { number, municipalityId: municipality.id, theme: input.theme, channel: input.channel },
    });
    return getKlacht(tx, klacht.id);
  });
}

export async function listKlachten(
  ctx: ServiceContext,
  query: { status?: KlachtStatus; municipalityId?: string; theme?: KlachtTheme; overdue?: 'ja' | 'nee'; limit: number },
) {
  assertCan(ctx.actor, 'klachten.read');
  const [rows, names, municipalities] = await Promise.all([
    findKlachten(ctx.db, narrowScope(scopeOf(ctx.actor), query.municipalityId), {
      status: query.status,
      theme: query.theme,
      overdueAt: query.overdue ? { now: ctx.clock.now(), overdue: query.overdue === 'ja' } : undefined,
      limit: query.limit,
    }),
    userNames(ctx),
    findMunicipalities(ctx.db, ctx.actor.organisationId),
  ]);
  const zones = new Map(municipalities.map((m) => [m.id, m.time_zone]));
  return rows.map((row) => toKlachtView(ctx, row, names, zones.get(row.municipality_id) ?? 'Europe/Amsterdam'));
}

export async function getKlacht(ctx: ServiceContext, klachtId: string): Promise<KlachtDetail> {
  assertCan(ctx.actor, 'klachten.read');
  const row = await findVisibleKlacht(ctx, klachtId);
  const [events, names, municipality] = await Promise.all([
    findKlachtEvents(ctx.db, ctx.actor.organisationId, row.id),
    userNames(ctx),
    findKlachtMunicipality(ctx, row.municipality_id),
  ]);
  return { ...toKlachtView(ctx, row, names, municipality.time_zone), events: events.map(toEventView) };
}

// The klachten registered from these channel messages, with their status. The register is personal data: the caller
// shows them only to those who may read it (klachten.read).
export function findKlachtenFromMessages(db: Db, organisationId: string, messageIds: string[]) {
  return findKlachtenBySourceMessages(db, organisationId, messageIds);
}

import { CLOSED_MELDING_STATUSES, MELDING_STATUS_LABELS, type Melding, type MeldingStatus } from '@contracts/meldingen';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { Db } from '@platform/db/database.client';
import type { MeldingEventRow, MeldingRow } from '@platform/db/database.schema';
import { badRequest, notFound } from '@platform/http/http.errors';
import { findOrganisationBySlug } from '@platform/organisations/organisations.repository';
import { actsForMunicipality, assertCan, can, narrowScope, scopeOf } from '@platform/tenancy/policy.rules';
import { findTeam } from '@platform/users/teams.repository';
import { findUser } from '@platform/users/users.repository';
import { findStoredAttachment } from '../channels/index';
import { findCategory } from './categories.repository';
import { ensureCategories, filterSelectableCategories } from './categories.service';
import {
  findEvents,
  findMelding,
  findMeldingByTrackingHash,
  findMeldingen,
  findMeldingenBySourceMessages,
  findPhotoIds,
  findRelatedMeldingen,
  insertEvent,
  lockMelding,
  updateMelding,
} from './meldingen.repository';
import { hashTrackingToken } from './submit.service';

function toMeldingView(ctx: ServiceContext, row: MeldingRow, categoryName: string, photoIds: string[]): Melding {
  // Only those who handle meldingen see how to reach the reporter.
  const contact = can(ctx.actor, 'meldingen.manage');
  return {
    id: row.id,
    number: row.number,
    municipalityId: row.municipality_id,
    categoryId: row.category_id,
    categoryName,
    description: row.description,
    lat: row.lat,
    lon: row.lon,
    address: row.address,
    status: row.status as MeldingStatus,
    source: row.source,
    hasReporterContact: row.reporter_email !== null || row.reporter_phone !== null,
    reporterEmail: contact ? row.reporter_email : null,
    reporterPhone: contact ? row.reporter_phone : null,
    answers: row.answers,
    servicePromise: row.service_promise,
    deadline: row.deadline.toISOString(),
    overdue: !CLOSED_MELDING_STATUSES.includes(row.status as MeldingStatus) && row.deadline < ctx.clock.now(),
    assignedDepartment: row.assigned_department,
    assignedTeamId: row.assigned_team_id,
    assignedUserId: row.assigned_user_id,
    mergedIntoId: row.merged_into_id,
    splitFromId: row.split_from_id,
    sourceMessageId: row.source_message_id,
    createdAt: row.created_at.toISOString(),
    firstReactionAt: row.first_reaction_at?.toISOString() ?? null,
    handledAt: row.handled_at?.toISOString() ?? null,
    photoIds,
  };
}

function toEventView(row: MeldingEventRow) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    kind: row.kind,
    fromStatus: row.from_status as MeldingStatus | null,
    toStatus: row.to_status as MeldingStatus | null,
    text: row.text,
    actorName: row.actor_name,
    sentToReporter: row.sent_to_reporter,
    sentVia: row.sent_via,
  };
}

async function categoryNames(ctx: ServiceContext) {
  const rows = await ensureCategories(ctx.db, ctx.actor.organisationId);
  return new Map(rows.map((row) => [row.id, row.public_name]));
}

export async function findVisibleMelding(ctx: ServiceContext, meldingId: string, lock = false) {
  const row = lock ? await lockMelding(ctx.db, ctx.actor.organisationId, meldingId) : await findMelding(ctx.db, ctx.actor.organisationId, meldingId);
  if (!row || !actsForMunicipality(ctx.actor, row.municipality_id)) throw notFound('De melding');
  return row;
}

export async function listMeldingen(
  ctx: ServiceContext,
  query: {
    status?: MeldingStatus;
    categoryId?: string;
    municipalityId?: string;
    department?: string;
    assignedUserId?: string;
    overdue?: 'ja' | 'nee';
    from?: string;
    until?: string;
    limit: number;
  },
) {
  assertCan(ctx.actor, 'meldingen.read');
  const all = await ensureCategories(ctx.db, ctx.actor.organisationId);
  const names = new Map(all.map((row) => [row.id, row.public_name]));
  // A main category stands for itself and its subcategories.
  const categoryIds = query.categoryId
    ? all.filter((row) => row.id === query.categoryId || row.parent_id === query.categoryId).map((row) => row.id)
    : undefined;
  const rows = await findMeldingen(ctx.db, narrowScope(scopeOf(ctx.actor), query.municipalityId), {
    status: query.status,
    categoryIds,
    department: query.department,
    assignedUserId: query.assignedUserId,
    overdueAt: query.overdue ? { now: ctx.clock.now(), overdue: query.overdue === 'ja' } : undefined,
    from: query.from ? new Date(query.from) : undefined,
    until: query.until ? new Date(query.until) : undefined,
    limit: query.limit,
  });
  return rows.map((row) => toMeldingView(ctx, row, names.get(row.category_id) ?? '', []));
}

export async function getMelding(ctx: ServiceContext, meldingId: string) {
  assertCan(ctx.actor, 'meldingen.read');
  const row = await findVisibleMelding(ctx, meldingId);
  const names = await categoryNames(ctx);
  const organisationId = ctx.actor.organisationId;
  const [events, photoIds, related] = await Promise.all([
    findEvents(ctx.db, organisationId, row.id),
    findPhotoIds(ctx.db, organisationId, row.id),
    findRelatedMeldingen(ctx.db, organisationId, row),
  ]);
  const brief = (other: MeldingRow) => ({
    id: other.id,
    number: other.number,
    status: other.status as MeldingStatus,
    categoryName: names.get(other.category_id) ?? '',
  });
  return {
    ...toMeldingView(ctx, row, names.get(row.category_id) ?? '', photoIds),
    events: events.map(toEventView),
    mergedInto: related.find((other) => other.id === row.merged_into_id) ? brief(related.find((other) => other.id === row.merged_into_id)!) : null,
    duplicates: related.filter((other) => other.merged_into_id === row.id).map(brief),
    splitFrom: related.find((other) => other.id === row.split_from_id) ? brief(related.find((other) => other.id === row.split_from_id)!) : null,
    parts: related.filter((other) => other.split_from_id === row.id).map(brief),
  };
}

export async function addMeldingNote(ctx: ServiceContext, meldingId: string, text: string) {
  assertCan(ctx.actor, 'meldingen.manage');
  return runInTransaction(ctx, async (tx) => {
    const row = await findVisibleMelding(tx, meldingId);
    await insertEvent(tx.db, {
      organisation_id: tx.actor.organisationId,
      melding_id: row.id,
      at: tx.clock.now(),
      kind: 'notitie',
      text,
      actor_user_id: tx.actor.userId || null,
      actor_name: tx.actor.name,
      from_status: null,
      to_status: null,
    });
    return getMelding(tx, row.id);
  });
}

export async function assignMelding(
  ctx: ServiceContext,
  meldingId: string,
  input: { assignedDepartment?: string | null; assignedTeamId?: string | null; assignedUserId?: string | null; categoryId?: string },
) {
  assertCan(ctx.actor, 'meldingen.manage');
  return runInTransaction(ctx, async (tx) => {
    const row = await findVisibleMelding(tx, meldingId, true);
    const organisationId = tx.actor.organisationId;
    if (input.assignedTeamId && !(await findTeam(tx.db, organisationId, input.assignedTeamId))) {
      throw badRequest('onbekend-team', 'Dit team bestaat niet.', [{ name: 'assignedTeamId', code: 'onbekend', reason: 'Kies een team van uw organisatie.' }]);
    }
    if (input.assignedUserId && !(await findUser(tx.db, organisationId, input.assignedUserId))) {
      throw badRequest('onbekende-gebruiker', 'Deze persoon bestaat niet.', [
        { name: 'assignedUserId', code: 'onbekend', reason: 'Kies een medewerker van uw organisatie.' },
      ]);
    }
    // Departments are the ones the categories name: one list, kept by the beheerder.
    if (
      input.assignedDepartment &&
      !(await ensureCategories(tx.db, organisationId)).some((category) => category.departments.includes(input.assignedDepartment!))
    ) {
      throw badRequest('onbekende-afdeling', 'Deze afdeling komt in geen enkele categorie voor.', [
        { name: 'assignedDepartment', code: 'onbekend', reason: 'Kies een afdeling uit de lijst (Beheer → Meldingcategorieën).' },
      ]);
    }
    if (input.categoryId) {
      const category = await findCategory(tx.db, organisationId, input.categoryId);
      if (!category || !filterSelectableCategories(await ensureCategories(tx.db, organisationId)).some((row) => row.id === category.id)) {
        throw badRequest('onbekende-categorie', 'Kies een categorie uit de lijst.', [
          { name: 'categoryId', code: 'onbekend', reason: 'Kies een categorie uit de lijst.' },
        ]);
      }
    }
    const changes = {
      ...(input.assignedDepartment !== undefined && { assigned_department: input.assignedDepartment }),
      ...(input.assignedTeamId !== undefined && { assigned_team_id: input.assignedTeamId }),
      ...(input.assignedUserId !== undefined && { assigned_user_id: input.assignedUserId }),
      ...(input.categoryId !== undefined && { category_id: input.categoryId }),
    };
    if (Object.keys(changes).length === 0) return getMelding(tx, row.id);
    await updateMelding(tx.db, organisationId, row.id, changes);
    const kind = input.categoryId !== undefined && input.categoryId !== row.category_id ? 'categorie' : 'toegewezen';
    // The timeline says what changed, in words: to whom, or from which category to which.
    const parts: string[] = [];
    if (input.assignedDepartment !== undefined) parts.push(`Afdeling: ${input.assignedDepartment ?? 'geen'}`);
    if (input.assignedTeamId !== undefined)
      parts.push(input.assignedTeamId ? `Team: ${(await findTeam(tx.db, organisationId, input.assignedTeamId))!.name}` : 'Team: geen');
    if (input.assignedUserId !== undefined)
      parts.push(input.assignedUserId ? `Behandelaar: ${(await findUser(tx.db, organisationId, input.assignedUserId))!.name}` : 'Behandelaar: geen');
    if (kind === 'categorie') {
      const before = await findCategory(tx.db, organisationId, row.category_id);
      const after = await findCategory(tx.db, organisationId, input.categoryId!);
      parts.push(`Categorie: ${before?.public_name ?? '?'} → ${after?.public_name ?? '?'}`);
    }
    await insertEvent(tx.db, {
      organisation_id: organisationId,
      melding_id: row.id,
      at: tx.clock.now(),
      kind,
      text: parts.join('; ') || null,
      actor_user_id: tx.actor.userId || null,
      actor_name: tx.actor.name,
      from_status: null,
      to_status: null,
    });
    await recordAudit(tx, { action: 'melding.toegewezen', recordType: 'melding', recordId: row.id, details: { ...input } });
    return getMelding(tx, row.id);
  });
}

export async function loadMeldingPhoto(ctx: ServiceContext, meldingId: string, photoId: string) {
  assertCan(ctx.actor, 'meldingen.read');
  const row = await findVisibleMelding(ctx, meldingId);
  const photoIds = await findPhotoIds(ctx.db, ctx.actor.organisationId, row.id);
  const photo = photoIds.includes(photoId) ? await findStoredAttachment(ctx.db, ctx.actor.organisationId, photoId) : undefined;
  if (!photo) throw notFound('De foto');
  return photo;
}

// What the reporter sees behind the link in their confirmation: status and the messages sent to them.
export async function getPublicMeldingStatus(db: Db, slug: string, token: string) {
  const organisation = await findOrganisationBySlug(db, slug);
  const row = organisation && (await findMeldingByTrackingHash(db, organisation.id, hashTrackingToken(token)));
  if (!organisation || !row) throw notFound('Deze melding');
  const category = await findCategory(db, organisation.id, row.category_id);
  const events = await findEvents(db, organisation.id, row.id);
  return {
    number: row.number,
    category: category?.public_name ?? '',
    status: row.status as MeldingStatus,
    statusLabel: MELDING_STATUS_LABELS[row.status as MeldingStatus],
    createdAt: row.created_at.toISOString(),
    deadline: row.deadline.toISOString(),
    servicePromise: row.service_promise,
    history: events
      .filter((event) => event.to_status !== null)
      .map((event) => ({
        at: event.at.toISOString(),
        status: event.to_status as MeldingStatus,
        statusLabel: MELDING_STATUS_LABELS[event.to_status as MeldingStatus],
        // Internal notes never reach the reporter; status messages and news of merging or splitting do.
        message: event.kind === 'status' || event.kind === 'samengevoegd' || event.kind === 'gesplitst' ? event.text : null,
      })),
  };
}

// Whether a melding exists in this organisation (a klacht may point to one).
export async function hasMelding(db: Db, organisationId: string, meldingId: string): Promise<boolean> {
  return (await findMelding(db, organisationId, meldingId)) !== undefined;
}

// The meldingen made from these channel messages, with their status (the inbox shows them beside a conversation).
export function findMeldingenFromMessages(db: Db, organisationId: string, messageIds: string[]) {
  return findMeldingenBySourceMessages(db, organisationId, messageIds);
}

import type { Publication, PublicationCreate, PublicationStatus } from '@contracts/publications';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import { badRequest, conflict, forbidden, notFound } from '@platform/http/http.errors';
import { answerOnce, type IdempotentCall } from '@platform/http/idempotency.service';
import { actsForMunicipality, assertCan, can, scopeOf } from '@platform/tenancy/policy.rules';
import { readPlannedMoment } from './planned-moment.rules';
import { toPublicationViews } from './publication.views';
import { checkVariants, loadMunicipalityOf, readAccountRules, readFutureMoment } from './publication-input.service';
import { findPublication, findPublications, insertPublication, movePublication, replacePublicationChannels } from './publications.repository';

const DAY_MS = 86_400_000;
// Before the hand-over a publication can still change.
const CHANGEABLE: PublicationStatus[] = ['ter-goedkeuring', 'teruggestuurd', 'gepland'];

// A new post waits for approval when one of its accounts asks for it, unless it takes the crisis fast path: on crisis
// accounts only, by someone allowed to, with the reason recorded; it is reviewed afterwards. With an Idempotency-Key
// (the form sends one per content) a retried or double-clicked request plans once and gets the first answer back.
export async function planPublication(ctx: ServiceContext, input: PublicationCreate, call: IdempotentCall): Promise<Publication> {
  assertCan(ctx.actor, 'publications.manage');
  const municipality = await loadMunicipalityOf(ctx, input.municipalityId);
  const plannedAt = readFutureMoment(ctx, input.plannedAt, municipality.time_zone);
  const accounts = await checkVariants(ctx, input);
  const rules = await readAccountRules(
    ctx,
    accounts.map((account) => account.id),
  );
  if (input.fastPath) {
    if (!can(ctx.actor, 'publications.fastpath')) throw forbidden('U mag de snelle route niet gebruiken.');
    if (!rules.allCrisisAccounts) {
      throw badRequest('geen-crisisaccount', 'De snelle route is er alleen voor crisisaccounts.', [
        { name: 'fastPath', code: 'geen-crisisaccount', reason: 'Kies alleen accounts die als crisisaccount zijn ingesteld, of vraag goedkeuring.' },
      ]);
    }
  }
  const waitsForApproval = rules.approvalsRequired > 0 && !input.fastPath;
  return answerOnce(ctx.db, ctx.clock, ctx.actor.organisationId, call, async (trx) => {
    const tx = { ...ctx, db: trx };
    const row = await insertPublication(
      tx.db,
      {
        organisation_id: tx.actor.organisationId,
        municipality_id: municipality.id,
        title: input.title,
        status: waitsForApproval ? 'ter-goedkeuring' : 'gepland',
        planned_at: plannedAt,
        created_by: tx.actor.userId || null,
        created_at: tx.clock.now(),
        approvals_required: rules.approvalsRequired,
        fast_path_reason: input.fastPath?.reason ?? null,
        fast_path_by: input.fastPath ? tx.actor.userId || null : null,
      },
      input.variants.map((variant, position) => ({ account_id: variant.accountId, position, text: variant.text })),
    );
    await recordAudit(tx, {
      action: input.fastPath ? 'publicatie.snelle-route' : 'publicatie.gepland',
      recordType: 'publicatie',
      recordId: row.id,
      details: {
        municipalityId: municipality.id,
        plannedAt: plannedAt.toISOString(),
        accounts: accounts.map((account) => account.id),
        ...(input.fastPath && { reason: input.fastPath.reason }),
      },
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

export async function loadVisiblePublication(ctx: ServiceContext, publicationId: string) {
  const row = await findPublication(ctx.db, ctx.actor.organisationId, publicationId);
  if (!row || !actsForMunicipality(ctx.actor, row.municipality_id)) throw notFound('De publicatie');
  return row;
}

export async function getPublication(ctx: ServiceContext, publicationId: string) {
  assertCan(ctx.actor, 'publications.read');
  return (await toPublicationViews(ctx.db, [await loadVisiblePublication(ctx, publicationId)]))[0]!;
}

const ALREADY_HANDED_OVER = 'Deze publicatie is al aan de kanalen gegeven of geannuleerd; wijzigen kan niet meer.';
const CHANGED_MEANWHILE = 'Iemand anders heeft deze publicatie intussen gewijzigd. Laad de pagina opnieuw.';

export async function cancelPublication(ctx: ServiceContext, publicationId: string) {
  assertCan(ctx.actor, 'publications.manage');
  const row = await loadVisiblePublication(ctx, publicationId);
  return runInTransaction(ctx, async (tx) => {
    const moved = await movePublication(tx.db, row.organisation_id, row.id, { status: CHANGEABLE }, { status: 'geannuleerd' });
    if (!moved) throw conflict('niet-meer-gepland', ALREADY_HANDED_OVER);
    await recordAudit(tx, { action: 'publicatie.geannuleerd', recordType: 'publicatie', recordId: row.id, details: {} });
    return (await toPublicationViews(tx.db, [moved]))[0]!;
  });
}

// Another moment keeps the approvals: reviewers approve what is said, not when (that is in the audit log).
export async function reschedulePublication(ctx: ServiceContext, publicationId: string, change: { plannedAt: string; version: number }) {
  assertCan(ctx.actor, 'publications.manage');
  const row = await loadVisiblePublication(ctx, publicationId);
  const municipality = await loadMunicipalityOf(ctx, row.municipality_id);
  const plannedAt = readFutureMoment(ctx, change.plannedAt, municipality.time_zone);
  return runInTransaction(ctx, async (tx) => {
    const moved = await movePublication(
      tx.db,
      row.organisation_id,
      row.id,
      { status: CHANGEABLE, version: change.version },
      { planned_at: plannedAt, version: change.version + 1 },
    );
    if (!moved) {
      if (!CHANGEABLE.includes(row.status)) throw conflict('niet-meer-gepland', ALREADY_HANDED_OVER);
      throw conflict('intussen-gewijzigd', CHANGED_MEANWHILE);
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

// A new text, title or set of channels: a new content version, which the reviewers see again when the accounts ask
// for approval (the approvals of the earlier text no longer count). A post sent back returns to them this way.
export async function editPublication(
  ctx: ServiceContext,
  publicationId: string,
  change: { version: number; title: string; variants: PublicationCreate['variants'] },
) {
  assertCan(ctx.actor, 'publications.manage');
  const row = await loadVisiblePublication(ctx, publicationId);
  const accounts = await checkVariants(ctx, { municipalityId: row.municipality_id, variants: change.variants });
  const rules = await readAccountRules(
    ctx,
    accounts.map((account) => account.id),
  );
  return runInTransaction(ctx, async (tx) => {
    const moved = await movePublication(
      tx.db,
      row.organisation_id,
      row.id,
      { status: CHANGEABLE, version: change.version },
      {
        title: change.title,
        version: change.version + 1,
        content_version: row.content_version + 1,
        approvals_required: rules.approvalsRequired,
        status: rules.approvalsRequired > 0 ? 'ter-goedkeuring' : 'gepland',
      },
    );
    if (!moved) {
      if (!CHANGEABLE.includes(row.status)) throw conflict('niet-meer-gepland', ALREADY_HANDED_OVER);
      throw conflict('intussen-gewijzigd', CHANGED_MEANWHILE);
    }
    await replacePublicationChannels(
      tx.db,
      row.organisation_id,
      row.id,
      change.variants.map((variant, position) => ({ account_id: variant.accountId, position, text: variant.text })),
    );
    await recordAudit(tx, {
      action: 'publicatie.gewijzigd',
      recordType: 'publicatie',
      recordId: row.id,
      details: { contentVersion: moved.content_version, accounts: accounts.map((account) => account.id) },
    });
    return (await toPublicationViews(tx.db, [moved]))[0]!;
  });
}

import type { Selectable } from 'kysely';
import { recordAudit } from '../audit/audit.service';
import { runInTransaction, type ServiceContext } from '../context.service';
import type { Db } from '../db/database.client';
import type { MunicipalitiesTable } from '../db/database.schema';
import { badRequest, conflict, notFound } from '../http/http.errors';
import { actsForMunicipality, assertCan, scopeOver } from '../tenancy/policy.rules';
import {
  findMunicipalities,
  findMunicipality,
  findOrganisationById,
  findOrganisationBySlug,
  insertMunicipality,
  insertOrganisation,
  type NewMunicipality,
  updateMunicipalityStyle,
} from './organisations.repository';

export const CBS_CODE = /^GM\d{4}$/;
export const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

export function toMunicipality(row: Selectable<MunicipalitiesTable>) {
  return {
    id: row.id,
    name: row.name,
    cbsCode: row.cbs_code,
    inhabitants: row.inhabitants,
    timeZone: row.time_zone,
    houseColour: row.house_colour,
    logoUrl: row.logo_url,
  };
}

export interface OrganisationInput {
  slug: string;
  name: string;
  municipalities: NewMunicipality[];
}

// Operators create organisations (CLI, demo); there is no tenant yet to act within.
export async function createOrganisation(db: Db, input: OrganisationInput) {
  if (!SLUG.test(input.slug)) {
    throw badRequest('ongeldige-slug', 'De slug mag alleen kleine letters, cijfers en streepjes bevatten (2–63 tekens).', [
      { name: 'slug', code: 'patroon', reason: 'Alleen a-z, 0-9 en -.' },
    ]);
  }
  if (input.municipalities.length === 0) {
    throw badRequest('gemeente-ontbreekt', 'Een organisatie heeft minstens één gemeente.', [
      { name: 'municipality', code: 'verplicht', reason: 'Geef minstens één gemeente op.' },
    ]);
  }
  const codes = new Set<string>();
  for (const municipality of input.municipalities) {
    if (!CBS_CODE.test(municipality.cbsCode)) {
      throw badRequest('ongeldige-cbs-code', `"${municipality.cbsCode}" is geen CBS-gemeentecode zoals GM0383.`, [
        { name: 'municipality', code: 'cbs-code', reason: 'Verwacht GM gevolgd door vier cijfers.' },
      ]);
    }
    if (codes.has(municipality.cbsCode)) {
      throw badRequest('dubbele-cbs-code', `De CBS-code ${municipality.cbsCode} staat er twee keer in.`, [
        { name: 'municipality', code: 'dubbel', reason: 'Elke gemeente één keer.' },
      ]);
    }
    codes.add(municipality.cbsCode);
  }
  return db.transaction().execute(async (trx) => {
    if (await findOrganisationBySlug(trx, input.slug)) {
      throw conflict('slug-bestaat-al', `Er is al een organisatie met de slug "${input.slug}".`);
    }
    const organisation = await insertOrganisation(trx, input.slug, input.name);
    const municipalities = [];
    for (const municipality of input.municipalities) {
      municipalities.push(await insertMunicipality(trx, organisation.id, municipality));
    }
    return { organisation, municipalities };
  });
}

export async function getOwnOrganisation(ctx: ServiceContext) {
  assertCan(ctx.actor, 'organisation.read');
  const organisation = await findOrganisationById(ctx.db, ctx.actor.organisationId);
  if (!organisation) throw notFound('De organisatie');
  const municipalities = await findMunicipalities(ctx.db, organisation.id);
  return {
    id: organisation.id,
    slug: organisation.slug,
    name: organisation.name,
    municipalities: municipalities.map(toMunicipality),
  };
}

export async function getMunicipality(ctx: ServiceContext, municipalityId: string) {
  assertCan(ctx.actor, 'organisation.read');
  const row = await findMunicipality(ctx.db, ctx.actor.organisationId, municipalityId);
  if (!row) throw notFound('De gemeente');
  return toMunicipality(row);
}

export async function changeMunicipality(
  ctx: ServiceContext,
  municipalityId: string,
  changes: { houseColour?: string; logoUrl?: string | null; inhabitants?: number },
) {
  assertCan(ctx.actor, 'organisation.manage');
  return runInTransaction(ctx, async (tx) => {
    const row = await updateMunicipalityStyle(tx.db, tx.actor.organisationId, municipalityId, changes);
    if (!row) throw notFound('De gemeente');
    await recordAudit(tx, { action: 'gemeente.gewijzigd', recordType: 'gemeente', recordId: row.id, details: changes });
    return toMunicipality(row);
  });
}

// A municipality named in a request (an article, an analysis) must be one of the organisation's and one the person
// works for; anything else is a Dutch 400 on the field, never a foreign-key error.
export async function assertActsForOwnMunicipality(ctx: ServiceContext, municipalityId: string | null | undefined, field = 'municipalityId') {
  if (!municipalityId) return;
  const known = (await findMunicipalities(ctx.db, ctx.actor.organisationId)).some((municipality) => municipality.id === municipalityId);
  if (!known || !actsForMunicipality(ctx.actor, municipalityId)) {
    throw badRequest('onbekende-gemeente', 'Deze gemeente hoort niet bij de gemeenten waarvoor u werkt.', [
      { name: field, code: 'onbekend', reason: 'Kies een van uw gemeenten, of geen voor alle gemeenten.' },
    ]);
  }
}

// The municipalities a report covers: the one asked for by CBS code, else every municipality the person acts for;
// with the scope that the report's repositories take. A code outside that set is a Dutch 400 at the field.
export async function reportMunicipalities(ctx: ServiceContext, cbsCode: string | undefined) {
  const municipalities = (await findMunicipalities(ctx.db, ctx.actor.organisationId)).filter((m) => actsForMunicipality(ctx.actor, m.id));
  const selected = cbsCode ? municipalities.filter((m) => m.cbs_code === cbsCode) : municipalities;
  if (cbsCode && selected.length === 0) {
    throw badRequest('onbekende-gemeente', `Gemeente ${cbsCode} hoort niet bij uw gemeenten.`, [
      { name: 'municipality', code: 'onbekend', reason: 'Kies een CBS-code van uw gemeenten.' },
    ]);
  }
  return {
    municipalities,
    selected,
    scope: scopeOver(
      ctx.actor.organisationId,
      selected.map((m) => m.id),
    ),
  };
}

import type { Db } from '../db/database.client';

export interface NewMunicipality {
  name: string;
  cbsCode: string;
  inhabitants: number;
  timeZone?: string;
  houseColour?: string;
  logoUrl?: string | null;
}

export async function insertOrganisation(db: Db, slug: string, name: string) {
  return db.insertInto('organisations').values({ slug, name }).returningAll().executeTakeFirstOrThrow();
}

export async function insertMunicipality(db: Db, organisationId: string, municipality: NewMunicipality) {
  return db
    .insertInto('municipalities')
    .values({
      organisation_id: organisationId,
      name: municipality.name,
      cbs_code: municipality.cbsCode,
      inhabitants: municipality.inhabitants,
      time_zone: municipality.timeZone,
      house_colour: municipality.houseColour,
      logo_url: municipality.logoUrl ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findOrganisationBySlug(db: Db, slug: string) {
  return db.selectFrom('organisations').selectAll().where('slug', '=', slug).where('is_system', '=', false).executeTakeFirst();
}

export async function findOrganisationById(db: Db, organisationId: string) {
  return db.selectFrom('organisations').selectAll().where('id', '=', organisationId).executeTakeFirst();
}

export async function countTenantOrganisations(db: Db): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('is_system', '=', false)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function findMunicipalities(db: Db, organisationId: string) {
  return db.selectFrom('municipalities').selectAll().where('organisation_id', '=', organisationId).orderBy('name').execute();
}

export async function findMunicipality(db: Db, organisationId: string, municipalityId: string) {
  return db.selectFrom('municipalities').selectAll().where('organisation_id', '=', organisationId).where('id', '=', municipalityId).executeTakeFirst();
}

export async function updateMunicipalityStyle(
  db: Db,
  organisationId: string,
  municipalityId: string,
  changes: { houseColour?: string; logoUrl?: string | null; inhabitants?: number },
) {
  if (Object.values(changes).every((value) => value === undefined)) return findMunicipality(db, organisationId, municipalityId);
  return db
    .updateTable('municipalities')
    .set({
      ...(changes.houseColour !== undefined && { house_colour: changes.houseColour }),
      ...(changes.logoUrl !== undefined && { logo_url: changes.logoUrl }),
      ...(changes.inhabitants !== undefined && { inhabitants: changes.inhabitants }),
    })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', municipalityId)
    .returningAll()
    .executeTakeFirst();
}

export async function updateMunicipalityBoundary(db: Db, organisationId: string, municipalityId: string, boundary: unknown) {
  await db
    .updateTable('municipalities')
    .set({ boundary: JSON.stringify(boundary) })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', municipalityId)
    .execute();
}

// Open311 names a municipality by its CBS code only. Without an api_key that tells the organisation, the
// code is looked up across organisations; the caller refuses it when more than one organisation has it.
export async function findMunicipalitiesByCbsCode(db: Db, cbsCode: string) {
  return db
    .selectFrom('municipalities')
    .innerJoin('organisations', 'organisations.id', 'municipalities.organisation_id')
    .selectAll('municipalities')
    .select(['organisations.slug as organisation_slug'])
    .where('municipalities.cbs_code', '=', cbsCode)
    .where('organisations.is_system', '=', false)
    .execute();
}

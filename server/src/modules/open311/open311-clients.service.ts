import { recordAudit } from '@platform/audit/audit.service';
import { composeToken, generateSecret, hashSecret, parseToken } from '@platform/auth/secrets.rules';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { Db } from '@platform/db/database.client';
import { AppError } from '@platform/http/http.errors';
import {
  findMunicipalities,
  findMunicipalitiesByCbsCode,
  findOrganisationById,
  findOrganisationBySlug,
} from '@platform/organisations/organisations.repository';
import { assertCan } from '@platform/tenancy/policy.rules';
import { type Open311Params, open311Error, readText } from './open311.errors';
import { findLiveOpen311Client, insertOpen311Client } from './open311.repository';
import type { Open311Target } from './open311-target.types';

export type { Open311Target };

export const OPEN311_KEY_PREFIX = 'o311_';

// A client app of one organisation; the key carries the organisation so the lookup stays within it.
export async function createOpen311Client(ctx: ServiceContext, name: string) {
  assertCan(ctx.actor, 'organisation.manage');
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 120) throw new AppError(400, 'ongeldige-naam', 'Ongeldige invoer', 'Geef de app een naam van 1 tot 120 tekens.');
  const secret = generateSecret();
  return runInTransaction(ctx, async (tx) => {
    const row = await insertOpen311Client(tx.db, { organisationId: tx.actor.organisationId, name: trimmed, keyHash: hashSecret(secret), now: tx.clock.now() });
    await recordAudit(tx, { action: 'open311-client.aangemaakt', recordType: 'open311-client', recordId: row.id, details: { name: row.name } });
    return { id: row.id, name: row.name, apiKey: composeToken(OPEN311_KEY_PREFIX, tx.actor.organisationId, secret) };
  });
}

async function findClientByKey(db: Db, apiKey: string) {
  const parsed = parseToken(OPEN311_KEY_PREFIX, apiKey);
  if (!parsed) return undefined;
  return findLiveOpen311Client(db, parsed.organisationId, hashSecret(parsed.secret));
}

// ---- which municipality is asked about ----

const JURISDICTION_MISSING = 'jurisdiction_id ontbreekt: geef de CBS-code van de gemeente, bijvoorbeeld GM0383.';

// The organisation comes from the api_key (always for POST), else from Plein's ?organisation=<slug>
// extension, else from the CBS code itself when exactly one organisation in Plein has that municipality.
export async function resolveTarget(db: Db, params: Open311Params, mode: 'read' | 'write'): Promise<Open311Target> {
  const jurisdiction = readText(params, 'jurisdiction_id');
  if (jurisdiction !== undefined && !/^GM\d{4}$/.test(jurisdiction)) {
    throw open311Error(400, `jurisdiction_id "${jurisdiction}" is geen CBS-gemeentecode zoals GM0383.`);
  }
  const unknownStatus = mode === 'write' ? 400 : 404;
  const apiKey = readText(params, 'api_key');
  let organisation: { id: string; slug: string } | undefined;
  let clientId: string | null = null;
  if (apiKey) {
    const client = await findClientByKey(db, apiKey);
    if (!client) throw open311Error(403, 'De api_key is onbekend of ingetrokken. Vraag de gemeente om een geldige sleutel voor uw app.');
    organisation = await findOrganisationById(db, client.organisation_id);
    clientId = client.id;
  } else if (mode === 'write') {
    throw open311Error(403, 'api_key ontbreekt. Een melding doen via Open311 kan alleen met een sleutel voor uw app; vraag die aan bij de gemeente.');
  } else {
    const slug = readText(params, 'organisation');
    if (slug) {
      organisation = await findOrganisationBySlug(db, slug);
      if (!organisation) throw open311Error(404, `De organisatie "${slug}" bestaat niet in Plein.`);
    }
  }
  if (organisation) {
    const municipalities = await findMunicipalities(db, organisation.id);
    if (!jurisdiction) {
      if (municipalities.length === 1) return { organisation, municipality: municipalities[0]!, clientId };
      throw open311Error(400, JURISDICTION_MISSING);
    }
    const municipality = municipalities.find((row) => row.cbs_code === jurisdiction);
    if (!municipality) throw open311Error(unknownStatus, `Gemeente ${jurisdiction} hoort niet bij deze organisatie in Plein.`);
    return { organisation, municipality, clientId };
  }
  if (!jurisdiction) throw open311Error(400, JURISDICTION_MISSING);
  const found = await findMunicipalitiesByCbsCode(db, jurisdiction);
  if (found.length === 0) throw open311Error(404, `Gemeente ${jurisdiction} is niet bekend in Plein.`);
  if (found.length > 1) {
    throw open311Error(404, `Gemeente ${jurisdiction} komt bij meer dan één organisatie in Plein voor. Geef ook ?organisation=<slug> mee, of uw api_key.`);
  }
  const { organisation_slug: slug, ...municipality } = found[0]!;
  return { organisation: { id: municipality.organisation_id, slug }, municipality, clientId: null };
}

// ---- discovery and services ----

// The last change to what this endpoint offers; clients compare it to decide whether to look again.

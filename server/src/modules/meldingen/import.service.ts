import { randomBytes } from 'node:crypto';
import { MELDING_STATUSES, type MeldingStatus } from '@contracts/meldingen';
import { recordAudit } from '@platform/audit/audit.service';
import type { ServiceContext } from '@platform/context.service';
import type { Db } from '@platform/db/database.client';
import type { MeldingCategoryRow, MunicipalityRow } from '@platform/db/database.schema';
import { AppError } from '@platform/http/http.errors';
import { isInsideMunicipality } from '@platform/organisations/municipality-boundary.service';
import { findMunicipalities } from '@platform/organisations/organisations.repository';
import { assertCan } from '@platform/tenancy/policy.rules';
import { computeDeadline } from '@platform/time/termijnen.rules';
import { parse } from 'csv-parse/sync';
import { ensureCategories } from './categories.service';
import { insertEvent, insertMeldingOnce } from './meldingen.repository';
import { hashTrackingToken } from './submit.service';

// History from Fixi or Signalen: every row is checked before anything is written; one bad row and
// nothing is imported. Importing the same file again changes nothing (the row id is the key).
export const IMPORT_COLUMNS = [
  'id',
  'municipality',
  'category',
  'description',
  'created_at',
  'first_reaction_at',
  'handled_at',
  'status',
  'lat',
  'lon',
] as const;
type ImportRecord = Record<(typeof IMPORT_COLUMNS)[number], string>;

export interface RowProblem {
  row: number;
  field: string;
  reason: string;
}

export class ImportRejected extends AppError {
  constructor(readonly problems: RowProblem[]) {
    super(
      400,
      'import-geweigerd',
      'Ongeldige invoer',
      `Er is niets geïmporteerd: ${problems.length} ${problems.length === 1 ? 'fout' : 'fouten'} in het bestand. ${problems
        .slice(0, 5)
        .map((problem) => `Rij ${problem.row}, ${problem.field}: ${problem.reason}`)
        .join(' ')}`,
      problems.slice(0, 200).map((problem) => ({ name: `rij ${problem.row}.${problem.field}`, code: 'ongeldig', reason: problem.reason })),
    );
  }
}

interface ValidRow {
  externalId: string;
  municipality: MunicipalityRow;
  category: MeldingCategoryRow;
  description: string;
  createdAt: Date;
  firstReactionAt: Date | null;
  handledAt: Date | null;
  status: MeldingStatus;
  lat: number;
  lon: number;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function parseTime(value: string, field: string, row: number, problems: RowProblem[]): Date | null {
  if (value === '') return null;
  if (!ISO.test(value) || Number.isNaN(Date.parse(value))) {
    problems.push({ row, field, reason: `"${value}" is geen tijdstip in ISO 8601 met tijdzone, zoals 2024-03-05T14:30:00+01:00.` });
    return null;
  }
  return new Date(value);
}

export function parseImportFile(text: string): { records: ImportRecord[]; problems: RowProblem[] } {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()), bom: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    return {
      records: [],
      problems: [{ row: 1, field: 'bestand', reason: `Dit is geen leesbaar CSV-bestand (${error instanceof Error ? error.message : 'onbekende fout'}).` }],
    };
  }
  const missing = IMPORT_COLUMNS.filter((column) => rows.length > 0 && !(column in rows[0]!));
  if (rows.length === 0) return { records: [], problems: [{ row: 1, field: 'bestand', reason: 'Het bestand bevat geen meldingen.' }] };
  if (missing.length > 0) return { records: [], problems: [{ row: 1, field: 'kolommen', reason: `Deze kolommen ontbreken: ${missing.join(', ')}.` }] };
  return { records: rows as ImportRecord[], problems: [] };
}

export function validateImport(records: ImportRecord[], municipalities: MunicipalityRow[], categories: MeldingCategoryRow[]) {
  const problems: RowProblem[] = [];
  const valid: ValidRow[] = [];
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const row = index + 2; // the header is row 1
    const before = problems.length;
    if (!record.id) problems.push({ row, field: 'id', reason: 'Het id ontbreekt.' });
    else if (seen.has(record.id)) problems.push({ row, field: 'id', reason: `Id "${record.id}" staat vaker in het bestand.` });
    seen.add(record.id);
    const municipality = municipalities.find(
      (m) => m.cbs_code === record.municipality.toUpperCase() || m.name.toLowerCase() === record.municipality.toLowerCase(),
    );
    if (!municipality)
      problems.push({ row, field: 'municipality', reason: `"${record.municipality}" is geen gemeente van deze organisatie (gebruik de CBS-code of de naam).` });
    const wanted = record.category.toLowerCase();
    const category = categories.find((c) => c.code === wanted || c.public_name.toLowerCase() === wanted);
    if (!category)
      problems.push({ row, field: 'category', reason: `Categorie "${record.category}" bestaat niet; gebruik een code of naam uit Beheer → Meldingen.` });
    if (!record.description) problems.push({ row, field: 'description', reason: 'De omschrijving ontbreekt.' });
    else if (/<\s*\/?\s*[a-z!]/i.test(record.description)) problems.push({ row, field: 'description', reason: 'Gebruik gewone tekst, zonder HTML of code.' });
    const createdAt = record.created_at === '' ? null : parseTime(record.created_at, 'created_at', row, problems);
    if (record.created_at === '') problems.push({ row, field: 'created_at', reason: 'Het tijdstip van melden ontbreekt.' });
    const firstReactionAt = parseTime(record.first_reaction_at, 'first_reaction_at', row, problems);
    const handledAt = parseTime(record.handled_at, 'handled_at', row, problems);
    if (createdAt && firstReactionAt && firstReactionAt < createdAt)
      problems.push({ row, field: 'first_reaction_at', reason: 'De eerste reactie ligt vóór het melden.' });
    if (createdAt && handledAt && handledAt < createdAt) problems.push({ row, field: 'handled_at', reason: 'De afhandeling ligt vóór het melden.' });
    const status = record.status.toLowerCase().replace(/\s+/g, '-') as MeldingStatus;
    if (!MELDING_STATUSES.includes(status))
      problems.push({ row, field: 'status', reason: `Status "${record.status}" bestaat niet; kies uit ${MELDING_STATUSES.join(', ')}.` });
    if (status === 'afgehandeld' && !handledAt)
      problems.push({ row, field: 'handled_at', reason: 'Een afgehandelde melding heeft een tijdstip van afhandeling.' });
    const lat = Number(record.lat);
    const lon = Number(record.lon);
    if (record.lat === '' || record.lon === '' || !Number.isFinite(lat) || !Number.isFinite(lon))
      problems.push({ row, field: 'lat', reason: 'Breedte- en lengtegraad moeten getallen zijn, zoals 52.548 en 4.669.' });
    else if (municipality && !isInsideMunicipality(municipality, lat, lon))
      problems.push({ row, field: 'lat', reason: `Deze plek ligt buiten ${municipality.name}.` });
    if (problems.length === before) {
      valid.push({
        externalId: record.id,
        municipality: municipality!,
        category: category!,
        description: record.description,
        createdAt: createdAt!,
        firstReactionAt,
        handledAt,
        status,
        lat,
        lon,
      });
    }
  });
  return { valid, problems };
}

// Writes the checked rows in one transaction; rows already imported (same id) are skipped.
export async function importMeldingen(db: Db, organisationId: string, text: string, onProgress: (done: number, total: number) => void = () => {}) {
  const parsed = parseImportFile(text);
  if (parsed.problems.length > 0) throw new ImportRejected(parsed.problems);
  const municipalities = await findMunicipalities(db, organisationId);
  const categories = await ensureCategories(db, organisationId);
  const { valid, problems } = validateImport(parsed.records, municipalities, categories);
  if (problems.length > 0) throw new ImportRejected(problems);
  return db.transaction().execute(async (trx) => {
    let imported = 0;
    for (const [index, row] of valid.entries()) {
      const deadline = computeDeadline(row.createdAt, { days: row.category.termijn_days, kind: row.category.termijn_kind }, row.municipality.time_zone);
      const inserted = await insertMeldingOnce(trx, {
        organisation_id: organisationId,
        number: `IMP-${row.externalId}`.slice(0, 80),
        municipality_id: row.municipality.id,
        category_id: row.category.id,
        description: row.description,
        lat: row.lat,
        lon: row.lon,
        address: null,
        status: row.status,
        source: 'import',
        external_id: row.externalId,
        tracking_token_hash: hashTrackingToken(randomBytes(24).toString('base64url')),
        answers: JSON.stringify({}),
        service_promise: row.category.service_promise,
        termijn_days: row.category.termijn_days,
        termijn_kind: row.category.termijn_kind,
        deadline,
        created_at: row.createdAt,
        first_reaction_at: row.firstReactionAt,
        handled_at: row.handledAt,
      });
      if (inserted) {
        imported++;
        await insertEvent(trx, {
          organisation_id: organisationId,
          melding_id: inserted.id,
          at: row.createdAt,
          kind: 'gemeld',
          to_status: 'gemeld',
          from_status: null,
          text: 'Geïmporteerd uit een eerder systeem',
          actor_user_id: null,
          actor_name: 'Import',
        });
      }
      onProgress(index + 1, valid.length);
    }
    return { rows: valid.length, imported, alreadyPresent: valid.length - imported };
  });
}

export async function importMeldingenAsStaff(ctx: ServiceContext, text: string) {
  assertCan(ctx.actor, 'meldingen.import');
  const result = await importMeldingen(ctx.db, ctx.actor.organisationId, text);
  await recordAudit(ctx, { action: 'meldingen.geimporteerd', recordType: 'melding', recordId: null, details: result });
  return result;
}

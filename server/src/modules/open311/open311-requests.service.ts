import { randomUUID } from 'node:crypto';
import { MELDING_STATUS_LABELS, type MeldingStatus, meldingSubmitSchema } from '@contracts/meldingen';
import { redactPersonalData } from '@contracts/reply-checks';
import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { MeldingCategoryRow } from '@platform/db/database.schema';
import { AppError } from '@platform/http/http.errors';
import { answerOnce, type IdempotentCall } from '@platform/http/idempotency.service';
import {
  CLOSED_STATUSES,
  ensureCategories,
  fileMelding,
  filterSelectableCategories,
  listPublicHistory,
  listPublicMeldingen,
  type MeldingLinks,
  type PublicMeldingFilter,
  type PublicMeldingRow,
} from '../meldingen/index';
import { list, type Open311Error, type Open311Params, open311Error, readText } from './open311.errors';
import { type Open311Target, resolveTarget } from './open311-clients.service';
import { getExtraQuestions, NO, YES } from './open311-services.service';

// Pages of GET requests (page, page_size: an extension many GeoReport servers share); the next page is in the Link header.
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;
const MAX_SPAN_MS = 90 * 86_400_000;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDate(params: Open311Params, key: string): Date | undefined {
  const value = readText(params, key);
  if (value === undefined) return undefined;
  const parsed = ISO_DATETIME.test(value) ? new Date(value) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) {
    throw open311Error(400, `${key} "${value}" is geen datum en tijd volgens ISO 8601 met tijdzone, zoals 2026-11-01T00:00:00+01:00 of 2026-11-01T00:00:00Z.`);
  }
  return parsed;
}

function toRequest(row: PublicMeldingRow, categories: MeldingCategoryRow[], events: Awaited<ReturnType<typeof listPublicHistory>>) {
  const category = categories.find((other) => other.id === row.category_id);
  const latestStatus = events.filter((event) => event.kind === 'status').at(-1);
  const statusLabel = latestStatus?.to_status ? MELDING_STATUS_LABELS[latestStatus.to_status as MeldingStatus] : undefined;
  const departments = (category?.departments ?? []) as string[];
  return {
    service_request_id: row.number,
    status: CLOSED_STATUSES.includes(row.status) ? ('closed' as const) : ('open' as const),
    // What residents typed, and what a handler wrote to the reporter, may name people's contact details: blanked out.
    status_notes: latestStatus ? [statusLabel, latestStatus.text && redactPersonalData(latestStatus.text)].filter(Boolean).join(': ') || null : null,
    service_name: category?.public_name ?? null,
    service_code: category?.code ?? '',
    // GeoReport allows 4000 characters; Plein's form allows more.
    description: redactPersonalData(row.description).slice(0, 4000),
    agency_responsible: departments.join(', ') || null,
    service_notice: row.service_promise || null,
    requested_datetime: row.created_at.toISOString(),
    updated_datetime: (events.at(-1)?.at ?? row.created_at).toISOString(),
    expected_datetime: row.deadline.toISOString(),
    address: row.address,
    lat: row.lat,
    long: row.lon,
    // Photos in Plein are for staff only (they may show people or number plates); there is no public URL.
    media_url: null,
  };
}

async function toRequests(db: Db, target: Open311Target, rows: PublicMeldingRow[]) {
  const categories = await ensureCategories(db, target.organisation.id);
  const events = await listPublicHistory(
    db,
    target.organisation.id,
    rows.map((row) => row.id),
  );
  return rows.map((row) =>
    toRequest(
      row,
      categories,
      events.filter((event) => event.melding_id === row.id),
    ),
  );
}

function parsePaging(params: Open311Params) {
  const whole = (key: string, fallback: number, max: number) => {
    const value = readText(params, key);
    if (value === undefined) return fallback;
    const parsed = /^\d{1,7}$/.test(value) ? Number(value) : Number.NaN;
    if (!(parsed >= 1 && parsed <= max)) throw open311Error(400, `${key} moet een geheel getal van 1 tot en met ${max} zijn.`);
    return parsed;
  };
  return { page: whole('page', 1, 1_000_000), pageSize: whole('page_size', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) };
}

// One page of the meldingen that were filed in public, newest first, and whether there is a next page.
export async function listRequests(db: Db, clock: Clock, target: Open311Target, params: Open311Params) {
  const { page, pageSize } = parsePaging(params);
  // One more than the page holds tells whether there is a next one.
  const filter: PublicMeldingFilter = { municipalityId: target.municipality.id, limit: pageSize + 1, offset: (page - 1) * pageSize };
  const numbers = list(params, 'service_request_id');
  // As the specification says: with service_request_id every other filter is ignored.
  if (numbers) filter.numbers = numbers;
  else {
    const codes = list(params, 'service_code');
    if (codes) {
      const categories = await ensureCategories(db, target.organisation.id);
      const unknown = codes.filter((code) => !categories.some((row) => row.code === code));
      if (unknown.length > 0)
        throw open311Error(
          400,
          `service_code ${unknown.map((code) => `"${code}"`).join(', ')} bestaat niet bij gemeente ${target.municipality.name}. Zie services.json.`,
        );
      // A main category stands for itself and its subcategories.
      const chosen = categories.filter((row) => codes.includes(row.code)).map((row) => row.id);
      filter.categoryIds = categories
        .filter((row) => chosen.includes(row.id) || (row.parent_id !== null && chosen.includes(row.parent_id)))
        .map((row) => row.id);
    }
    const statuses = list(params, 'status');
    if (statuses) {
      const wrong = statuses.filter((status) => status !== 'open' && status !== 'closed');
      if (wrong.length > 0) throw open311Error(400, `status "${wrong[0]}" bestaat niet: gebruik open of closed.`);
      if (!(statuses.includes('open') && statuses.includes('closed'))) filter.closed = statuses.includes('closed');
    }
    // Without dates: the last 90 days, as the specification says; a range may not span more than 90 days.
    const start = parseDate(params, 'start_date');
    const end = parseDate(params, 'end_date');
    const until = end ?? (start ? new Date(start.getTime() + MAX_SPAN_MS) : clock.now());
    const from = start ?? new Date(until.getTime() - MAX_SPAN_MS);
    if (from > until) throw open311Error(400, 'start_date ligt na end_date.');
    if (until.getTime() - from.getTime() > MAX_SPAN_MS)
      throw open311Error(400, 'De periode van start_date tot end_date is langer dan 90 dagen. Vraag kortere periodes op.');
    filter.from = from;
    filter.until = until;
  }
  const rows = await listPublicMeldingen(db, target.organisation.id, filter);
  return { requests: await toRequests(db, target, rows.slice(0, pageSize)), nextPage: rows.length > pageSize ? page + 1 : null };
}

export async function getRequest(db: Db, target: Open311Target, serviceRequestId: string) {
  const rows = await listPublicMeldingen(db, target.organisation.id, { municipalityId: target.municipality.id, numbers: [serviceRequestId], limit: 1 });
  if (rows.length === 0) throw open311Error(404, `Melding ${serviceRequestId} bestaat niet bij gemeente ${target.municipality.name}.`);
  return toRequests(db, target, rows);
}

// ---- requests: filing ----

// Plein's names for fields, as the Open311 caller knows them.
function open311Field(name: string): string {
  if (name.startsWith('answers.')) return `attribute[${name.slice('answers.'.length)}]`;
  return ({ categoryId: 'service_code', lon: 'long', address: 'address_string', photoIds: 'media_url' } as Record<string, string>)[name] ?? name;
}

function attributesOf(params: Open311Params): Record<string, string> {
  const attributes: Record<string, string> = {};
  const nested = params.attribute;
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
    for (const [key, value] of Object.entries(nested)) if (value !== null && value !== undefined) attributes[key] = String(value);
  }
  for (const key of Object.keys(params)) {
    const match = /^attribute\[([^\]]*)\]$/.exec(key);
    if (match) attributes[match[1]!] = readText(params, key) ?? '';
  }
  return attributes;
}

function numberOf(value: string | undefined): number | undefined {
  if (value === undefined || !/^[+-]?\d+(\.\d+)?$/.test(value)) return undefined;
  return Number(value);
}

// Files a melding for an Open311 client app through the same path as Plein's own form: the same checks
// (category, answers, place inside the municipality), number, deadline and confirmation e-mail.
export async function createRequest(db: Db, clock: Clock, links: MeldingLinks, params: Open311Params, call: IdempotentCall) {
  const target = await resolveTarget(db, params, 'write');
  const problems: string[] = [];
  const serviceCode = readText(params, 'service_code');
  const category = serviceCode
    ? filterSelectableCategories(await ensureCategories(db, target.organisation.id)).find((row) => row.code === serviceCode)
    : undefined;
  if (!serviceCode) problems.push('service_code ontbreekt: kies een dienst uit services.json.');
  else if (!category)
    problems.push(`service_code "${serviceCode}" bestaat niet (meer) bij gemeente ${target.municipality.name}. Kies een dienst uit services.json.`);

  const latText = readText(params, 'lat');
  const longText = readText(params, 'long');
  const lat = numberOf(latText);
  const lon = numberOf(longText);
  if (latText === undefined && longText === undefined) {
    problems.push(
      readText(params, 'address_string') || readText(params, 'address_id')
        ? 'Plein heeft een plek op de kaart nodig: geef lat en long (WGS84). Alleen een adres (address_string of address_id) is niet genoeg.'
        : 'lat en long ontbreken: geef de plek van de melding in WGS84-coördinaten.',
    );
  } else {
    if (lat === undefined)
      problems.push(`lat ${latText === undefined ? 'ontbreekt' : `"${latText}" is geen getal`}: geef de breedtegraad in WGS84, zoals 52.548.`);
    if (lon === undefined)
      problems.push(`long ${longText === undefined ? 'ontbreekt' : `"${longText}" is geen getal`}: geef de lengtegraad in WGS84, zoals 4.669.`);
  }
  const description = readText(params, 'description');
  if (!description) problems.push('description ontbreekt: beschrijf wat er aan de hand is (minstens 5 tekens).');
  const mediaUrl = readText(params, 'media_url');
  if (mediaUrl !== undefined && (!/^https?:\/\/\S+$/i.test(mediaUrl) || mediaUrl.length > 2000 || !URL.canParse(mediaUrl))) {
    problems.push('media_url is geen geldig http(s)-adres.');
  }

  const answers: Record<string, string | boolean> = {};
  for (const [key, value] of Object.entries(attributesOf(params))) {
    const question = category ? getExtraQuestions(category).find((q) => q.key === key) : undefined;
    if (question?.type === 'yesno' && value !== '') {
      const lower = value.toLowerCase();
      if (YES.includes(lower)) answers[key] = true;
      else if (NO.includes(lower)) answers[key] = false;
      else problems.push(`attribute[${key}]: kies ja of nee.`);
    } else if (value !== '') answers[key] = value;
  }
  if (problems.length > 0) throw open311Error(400, ...problems);

  const parsed = meldingSubmitSchema.safeParse({
    categoryId: category!.id,
    description,
    lat,
    lon,
    address: readText(params, 'address_string'),
    email: readText(params, 'email'),
    phone: readText(params, 'phone'),
    // Open311 has no field for consent to be contacted; Plein does not assume it.
    consent: false,
    answers,
    photoIds: [],
  });
  if (!parsed.success) {
    throw open311Error(400, ...parsed.error.issues.map((issue) => `${open311Field(issue.path.map(String).join('.')) || 'invoer'}: ${issue.message}`));
  }
  try {
    // Once per Idempotency-Key (an app may send one, though GeoReport has none), and the same melding from the same
    // app within minutes gets the first one back.
    return await answerOnce(db, clock, target.organisation.id, call, async (trx) => {
      const { melding } = await fileMelding(trx, clock, target, parsed.data, {
        source: 'open311',
        // Which client app filed it; unique per melding.
        externalId: `${target.clientId}:${randomUUID()}`,
        // A photo elsewhere, as the app sent it: kept for staff, never fetched or published by Plein.
        externalMediaUrl: mediaUrl,
        links,
        sender: `open311:${target.clientId}`,
      });
      return [{ service_request_id: melding.number, service_notice: melding.service_promise }];
    });
  } catch (error) {
    if (error instanceof AppError && error.status < 500) throw fromAppError(error);
    throw error;
  }
}

// Plein's own refusal (unknown answer, place outside the municipality) in GeoReport's terms.
function fromAppError(error: AppError): Open311Error {
  const byReason = new Map<string, string[]>();
  for (const param of error.invalidParams ?? []) byReason.set(param.reason, [...(byReason.get(param.reason) ?? []), open311Field(param.name)]);
  const descriptions = [...byReason].map(([reason, names]) => `${names.join(' en ')}: ${reason}`);
  return open311Error(error.status, ...(descriptions.length > 0 ? descriptions : [error.detail]));
}

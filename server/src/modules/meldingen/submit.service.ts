import { createHash, randomBytes } from 'node:crypto';
import type { MeldingSubmit } from '@contracts/meldingen';
import { hashSecret } from '@platform/auth/secrets.rules';
import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { MeldingCategoryRow, MeldingRow, MunicipalityRow } from '@platform/db/database.schema';
import { badRequest, type InvalidParam, notFound } from '@platform/http/http.errors';
import { answerOnce, type IdempotentCall } from '@platform/http/idempotency.service';
import { enqueueJob } from '@platform/jobs/jobs.service';
import { findMunicipalities, findOrganisationBySlug } from '@platform/organisations/organisations.repository';
import { computeDeadline } from '@platform/time/termijnen.rules';
import { ensureCategories, filterSelectableCategories, toCategoryView } from './categories.service';
import { assertInside } from './location.rules';
import {
  findRecentSubmission,
  findUnclaimedPhotos,
  insertEvent,
  insertMelding,
  insertPhotos,
  insertTrackingToken,
  takeNextMeldingNumber,
} from './meldingen.repository';
import { fingerprintSubmission, RESUBMISSION_WINDOW_MS } from './submission-fingerprint.rules';

export interface MeldingLinks {
  publicUrl: string;
}

export function hashTrackingToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

export function buildTrackingUrl(links: MeldingLinks, slug: string, token: string) {
  return `${links.publicUrl}/melding/${slug}/${token}`;
}

export async function findPublicTarget(db: Db, slug: string, cbsCode: string) {
  const organisation = await findOrganisationBySlug(db, slug);
  const municipality = organisation && (await findMunicipalities(db, organisation.id)).find((m) => m.cbs_code === cbsCode);
  if (!organisation || !municipality) throw notFound('Deze gemeente');
  return { organisation, municipality };
}

export async function listPublicCategories(db: Db, slug: string, cbsCode: string) {
  const { organisation, municipality } = await findPublicTarget(db, slug, cbsCode);
  const rows = await ensureCategories(db, organisation.id);
  return { municipality: municipality.name, categories: rows.filter((row) => row.active).map(toCategoryView) };
}

function assertAnswers(category: MeldingCategoryRow, answers: Record<string, string | boolean>) {
  const problems: InvalidParam[] = [];
  const questions = category.extra_questions as { key: string; label: string; required: boolean; type: string; choices?: string[] }[];
  for (const question of questions) {
    const answer = answers[question.key];
    const empty = answer === undefined || answer === '';
    if (question.required && empty) problems.push({ name: `answers.${question.key}`, code: 'verplicht', reason: `${question.label}: vul dit in.` });
    if (!empty && question.type === 'choice' && !question.choices?.includes(String(answer))) {
      problems.push({ name: `answers.${question.key}`, code: 'onbekende-keuze', reason: `${question.label}: kies een van de mogelijkheden.` });
    }
  }
  for (const key of Object.keys(answers)) {
    if (!questions.some((question) => question.key === key))
      problems.push({ name: `answers.${key}`, code: 'onbekend', reason: `"${key}" is geen vraag bij deze categorie.` });
  }
  if (problems.length > 0) throw badRequest('antwoorden-onvolledig', problems.map((problem) => problem.reason).join(' '), problems);
}

export interface FileMeldingOptions {
  source: 'formulier' | 'open311' | 'kanaal' | 'medewerker';
  externalId?: string | null;
  sourceMessageId?: string | null;
  // Photos that came with a channel message: already stored, so not "unclaimed uploads".
  messagePhotoIds?: string[];
  // A photo elsewhere, as an Open311 app sent it (media_url): kept for staff beside the answers, never fetched.
  externalMediaUrl?: string | null;
  links: MeldingLinks;
  // Who sent it (the form's client address, the Open311 app): the same melding from the same sender within minutes
  // is a resubmission and gets the first one back.
  sender?: string;
}

// Files a melding for a municipality: checks category, answers, place and photos, stores it with its
// number, deadline and service promise as they are now, and confirms it to the reporter by e-mail.
// The caller's transaction makes it all or nothing.
export async function fileMelding(
  db: Db,
  clock: Clock,
  target: { organisation: { id: string; slug: string }; municipality: MunicipalityRow },
  input: MeldingSubmit,
  options: FileMeldingOptions,
) {
  const { organisation, municipality } = target;
  const now = clock.now();
  const fingerprint = options.sender ? fingerprintSubmission(options.sender, municipality.id, input) : null;
  const earlier = fingerprint && (await findRecentSubmission(db, organisation.id, fingerprint, new Date(now.getTime() - RESUBMISSION_WINDOW_MS)));
  if (earlier) return answerResubmission(db, now, earlier);
  const categories = filterSelectableCategories(await ensureCategories(db, organisation.id));
  const category = categories.find((row) => row.id === input.categoryId);
  if (!category) {
    throw badRequest('onbekende-categorie', 'Deze categorie bestaat niet (meer). Kies een categorie uit de lijst.', [
      { name: 'categoryId', code: 'onbekend', reason: 'Kies een categorie uit de lijst.' },
    ]);
  }
  assertAnswers(category, input.answers);
  assertInside(municipality, input.lat, input.lon);
  const photos = input.formSession ? await findUnclaimedPhotos(db, organisation.id, input.photoIds, hashSecret(input.formSession)) : [];
  if (photos.length !== new Set(input.photoIds).size) {
    throw badRequest('onbekende-foto', 'Een van de foto’s is niet (meer) beschikbaar. Voeg de foto opnieuw toe.', [
      { name: 'photoIds', code: 'onbekend', reason: 'Voeg de foto opnieuw toe.' },
    ]);
  }
  const token = randomBytes(24).toString('base64url');
  const termijn = { days: category.termijn_days, kind: category.termijn_kind };
  const deadline = computeDeadline(now, termijn, municipality.time_zone);
  const melding = await insertMelding(db, {
    organisation_id: organisation.id,
    number: await takeNextMeldingNumber(
      db,
      organisation.id,
      Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: municipality.time_zone }).format(now)),
    ),
    municipality_id: municipality.id,
    category_id: category.id,
    description: input.description,
    lat: input.lat,
    lon: input.lon,
    address: input.address ?? null,
    source: options.source,
    external_id: options.externalId ?? null,
    reporter_email: input.email?.toLowerCase() ?? null,
    reporter_phone: input.phone ?? null,
    reporter_consent: input.consent,
    tracking_token_hash: hashTrackingToken(token),
    answers: JSON.stringify(options.externalMediaUrl ? { ...input.answers, open311_media_url: options.externalMediaUrl } : input.answers),
    service_promise: category.service_promise,
    termijn_days: termijn.days,
    termijn_kind: termijn.kind,
    deadline,
    // The category's first department picks it up; a handler can pass it on.
    assigned_department: category.departments[0] ?? null,
    source_message_id: options.sourceMessageId ?? null,
    submission_fingerprint: fingerprint,
    created_at: now,
  });
  await insertPhotos(db, organisation.id, melding.id, [...new Set([...(options.messagePhotoIds ?? []), ...input.photoIds])]);
  await insertEvent(db, {
    organisation_id: organisation.id,
    melding_id: melding.id,
    at: now,
    kind: 'gemeld',
    to_status: 'gemeld',
    text: null,
    actor_user_id: null,
    actor_name: null,
    from_status: null,
  });
  if (melding.reporter_email) {
    await enqueueJob(db, {
      organisationId: organisation.id,
      name: 'mail.versturen',
      runAt: now,
      uniqueKey: `melding-ontvangen:${melding.id}`,
      payload: {
        to: melding.reporter_email,
        subject: `Uw melding ${melding.number} is ontvangen`,
        secret: true,
        text: [
          'Beste melder,',
          '',
          `Bedankt voor uw melding bij de gemeente ${municipality.name}: ${category.public_name}.`,
          category.service_promise,
          '',
          `Volg uw melding: ${buildTrackingUrl(options.links, organisation.slug, token)}`,
          '',
          `Met vriendelijke groet,\nGemeente ${municipality.name}`,
        ].join('\n'),
      },
    });
  }
  return { melding, token, category };
}

// The first melding, answered again with a second tracking link of its own (the first answer may never have
// arrived, and only a hash of its link is kept). Nothing else happens: no second number, e-mail or event.
async function answerResubmission(db: Db, now: Date, melding: MeldingRow) {
  const token = randomBytes(24).toString('base64url');
  await insertTrackingToken(db, melding.organisation_id, melding.id, hashTrackingToken(token), now);
  const category = (await ensureCategories(db, melding.organisation_id)).find((row) => row.id === melding.category_id)!;
  return { melding, token, category };
}

// The public form: once per Idempotency-Key, and a resubmission from the same client address within minutes gets
// the first melding back.
export async function submitPublicMelding(
  db: Db,
  clock: Clock,
  links: MeldingLinks,
  params: { slug: string; cbsCode: string },
  input: MeldingSubmit,
  retry: { call: IdempotentCall; client: string },
) {
  const target = await findPublicTarget(db, params.slug, params.cbsCode);
  return answerOnce(db, clock, target.organisation.id, retry.call, async (trx) => {
    const { melding, token } = await fileMelding(trx, clock, target, input, { source: 'formulier', links, sender: `formulier:${retry.client}` });
    return { number: melding.number, trackingToken: token, deadline: melding.deadline.toISOString(), servicePromise: melding.service_promise };
  });
}

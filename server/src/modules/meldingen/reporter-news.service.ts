import { BUILT_IN_TEXTS, fillPlaceholders, findPlaceholders, type MeldingPlaceholder, pickStandardText } from '@contracts/melding-texts';
import { MELDING_STATUS_LABELS, type MeldingStatus } from '@contracts/meldingen';
import type { ServiceContext } from '@platform/context.service';
import type { MeldingRow, MunicipalityRow } from '@platform/db/database.schema';
import { badRequest } from '@platform/http/http.errors';
import { enqueueJob } from '@platform/jobs/jobs.service';
import { findMunicipalities, findOrganisationById } from '@platform/organisations/organisations.repository';
import { queueCaseReply } from '../channels/index';
import { findCategory } from './categories.repository';
import { inviteForKto } from './kto.service';
import { markEventSent } from './meldingen.repository';
import { findStandardTexts } from './standard-texts.repository';
import type { MeldingLinks } from './submit.service';

const dateFormat = (timeZone: string) => new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone });

async function municipalityOf(ctx: ServiceContext, row: MeldingRow): Promise<MunicipalityRow> {
  return (await findMunicipalities(ctx.db, ctx.actor.organisationId)).find((m) => m.id === row.municipality_id)!;
}

async function placeholderValues(ctx: ServiceContext, row: MeldingRow): Promise<Record<MeldingPlaceholder, string>> {
  const municipality = await municipalityOf(ctx, row);
  const category = await findCategory(ctx.db, ctx.actor.organisationId, row.category_id);
  const format = dateFormat(municipality.time_zone);
  return {
    nummer: row.number,
    categorie: category?.public_name ?? '',
    adres: row.address ?? 'de plek op de kaart',
    gemeente: municipality.name,
    meldingsdatum: format.format(row.created_at),
    afhandeldatum: format.format(row.deadline),
    medewerker: ctx.actor.name,
  };
}

// The organisation's most specific standard text for this status.
async function standardTextFor(ctx: ServiceContext, row: MeldingRow, status: MeldingStatus) {
  const category = await findCategory(ctx.db, ctx.actor.organisationId, row.category_id);
  const parentId = category?.parent_id ?? null;
  const rows = await findStandardTexts(ctx.db, ctx.actor.organisationId, { status, categoryIds: [row.category_id, ...(parentId ? [parentId] : [])] });
  const texts = rows.map((text) => ({ categoryId: text.category_id, status: text.status, body: text.body }));
  return pickStandardText(texts, { id: row.category_id, parentId }, status)?.body;
}

// The text for the reporter about a new status, with its placeholders filled in. A placeholder that
// is still there afterwards (a typo, or one Plein does not know) stops the change: it would reach the
// resident as "{naam}".
export async function composeReporterText(ctx: ServiceContext, row: MeldingRow, status: MeldingStatus, typed?: string) {
  const template = typed?.trim() || (await standardTextFor(ctx, row, status)) || (status === 'gemeld' ? '' : BUILT_IN_TEXTS[status]);
  const text = fillPlaceholders(template, await placeholderValues(ctx, row));
  const left = findPlaceholders(text);
  if (left.length > 0) {
    throw badRequest('plaatshouder-niet-ingevuld', `Vul eerst ${left.map((found) => `{${found.name}}`).join(', ')} in; zo zou het bij de melder aankomen.`, [
      { name: 'message', code: 'plaatshouder', reason: `Onbekende plaatshouder {${left[0]!.name}} op positie ${left[0]!.index + 1}` },
    ]);
  }
  return text;
}

export interface ReporterNews {
  subject: string;
  text: string;
  // For channels with little room (X, Bluesky): used when the full text does not fit.
  shortText: string;
  // The event this news belongs to: the key that keeps it from being sent twice.
  eventKey: string;
  askKto?: boolean;
}

export function composeStatusNews(row: MeldingRow, status: MeldingStatus, text: string, eventKey: string): ReporterNews {
  const label = MELDING_STATUS_LABELS[status].toLowerCase();
  return { subject: `Uw melding ${row.number}: ${label}`, text, shortText: `Uw melding ${row.number}: ${label}.`, eventKey, askKto: status === 'afgehandeld' };
}

// Sends news to the reporter on their channel: by e-mail when they left an address, otherwise as a
// reply to the message the melding was made from. Returns where it went, or null when there is no way.
export async function sendReporterNews(ctx: ServiceContext, links: MeldingLinks, row: MeldingRow, news: ReporterNews) {
  if (row.reporter_email) {
    const municipality = await municipalityOf(ctx, row);
    // Afgehandeld: the same mail asks how it went (KTO), with a link valid 14 days.
    const organisation = news.askKto ? await findOrganisationById(ctx.db, ctx.actor.organisationId) : undefined;
    const ktoLink = organisation ? await inviteForKto(ctx.db, ctx.clock, links, organisation.slug, row) : null;
    await enqueueJob(ctx.db, {
      organisationId: ctx.actor.organisationId,
      name: 'mail.versturen',
      runAt: ctx.clock.now(),
      uniqueKey: `melding-bericht:${news.eventKey}`,
      payload: {
        to: row.reporter_email,
        subject: news.subject,
        secret: ktoLink !== null,
        text: [
          'Beste melder,',
          '',
          news.text,
          ...(ktoLink ? ['', `Bent u tevreden over hoe wij uw melding hebben afgehandeld? Laat het ons weten (twee vragen, tot 14 dagen): ${ktoLink}`] : []),
          '',
          `Gemeente ${municipality.name}`,
        ].join('\n'),
      },
    });
    return 'email' as const;
  }
  if (row.source_message_id) {
    const queued = await queueCaseReply(ctx.db, ctx.clock, ctx.actor.organisationId, {
      messageId: row.source_message_id,
      texts: [news.text, news.shortText],
      idempotencyKey: `melding-bericht:${news.eventKey}`,
      createdBy: ctx.actor.userId || null,
    });
    return queued ? ('kanaal' as const) : null;
  }
  return null;
}

// Marks a timeline event as sent to the reporter, and how.
export async function markSent(ctx: ServiceContext, eventId: string, via: 'email' | 'kanaal' | null) {
  if (via) await markEventSent(ctx.db, ctx.actor.organisationId, eventId, via);
}

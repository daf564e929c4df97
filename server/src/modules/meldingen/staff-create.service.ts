import type { meldingStaffCreateSchema } from '@contracts/meldingen';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import { badRequest, conflict } from '@platform/http/http.errors';
import { findMunicipalities, findOrganisationById } from '@platform/organisations/organisations.repository';
import { actsForMunicipality, assertCan } from '@platform/tenancy/policy.rules';
import type { z } from 'zod';
import { findImageAttachmentIdsOfMessage, findStoredMessage, queueCaseReply } from '../channels/index';
import { findMeldingFromMessage } from './meldingen.repository';
import { getMelding } from './meldingen.service';
import { buildTrackingUrl, fileMelding, type MeldingLinks } from './submit.service';

type StaffCreate = z.infer<typeof meldingStaffCreateSchema>;

async function sourceMessage(ctx: ServiceContext, messageId: string | undefined) {
  if (!messageId) return undefined;
  const message = await findStoredMessage(ctx.db, ctx.actor.organisationId, messageId);
  if (message?.direction !== 'in' || !actsForMunicipality(ctx.actor, message.municipality_id)) {
    throw badRequest('onbekend-bericht', 'Dit bericht bestaat niet of is niet van een inwoner.', [
      { name: 'messageId', code: 'onbekend', reason: 'Kies een binnengekomen bericht.' },
    ]);
  }
  const existing = await findMeldingFromMessage(ctx.db, ctx.actor.organisationId, message.id);
  if (existing) throw conflict('al-een-melding', `Van dit bericht is al melding ${existing.number} gemaakt.`);
  return message;
}

// A melding entered by staff: after a phone call, at the counter, or made from a channel message
// ("maak melding"). From a message, its photos come along and the resident hears on that channel
// that there is a melding now, with a link to follow it; later news follows the same way.
export async function createMeldingAsStaff(ctx: ServiceContext, links: MeldingLinks, input: StaffCreate) {
  assertCan(ctx.actor, 'meldingen.manage');
  const municipality = (await findMunicipalities(ctx.db, ctx.actor.organisationId)).find((m) => m.id === input.municipalityId);
  if (!municipality || !actsForMunicipality(ctx.actor, municipality.id)) {
    throw badRequest('onbekende-gemeente', 'Kies een van uw gemeenten.', [{ name: 'municipalityId', code: 'onbekend', reason: 'Kies een van uw gemeenten.' }]);
  }
  const message = await sourceMessage(ctx, input.messageId);
  const organisation = (await findOrganisationById(ctx.db, ctx.actor.organisationId))!;
  const { municipalityId: _municipality, messageId: _message, ...submit } = input;
  const created = runInTransaction(ctx, async (tx) => {
    const { melding, token, category } = await fileMelding(tx.db, tx.clock, { organisation, municipality }, submit, {
      source: message ? 'kanaal' : 'medewerker',
      externalId: message?.id ?? null,
      sourceMessageId: message?.id ?? null,
      messagePhotoIds: message ? await findImageAttachmentIdsOfMessage(tx.db, organisation.id, message.id) : [],
      links,
    });
    if (message && !melding.reporter_email) {
      await queueCaseReply(tx.db, tx.clock, organisation.id, {
        messageId: message.id,
        texts: [
          `Bedankt voor uw bericht. We hebben er melding ${melding.number} (${category.public_name}) van gemaakt. Volg hem hier: ${buildTrackingUrl(links, organisation.slug, token)}`,
          `Bedankt! We hebben er melding ${melding.number} van gemaakt en laten hier weten hoe het gaat.`,
        ],
        idempotencyKey: `melding-ontvangen:${melding.id}`,
        createdBy: tx.actor.userId || null,
      });
    }
    await recordAudit(tx, {
      action: 'melding.aangemaakt',
      recordType: 'melding',
      recordId: melding.id,
      details: { source: melding.source, messageId: message?.id ?? null },
    });
    return getMelding(tx, melding.id);
  });
  // Two agents pressing "maak melding" on the same message at once: the second finds the first's.
  return created.catch((error: { code?: string }) => {
    if (error.code === '23505' && message) throw conflict('al-een-melding', 'Van dit bericht is zojuist al een melding gemaakt.');
    throw error;
  });
}

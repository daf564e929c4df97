import { CLOSED_MELDING_STATUSES, MELDING_STATUS_LABELS, type MeldingStatus } from '@contracts/meldingen';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { MeldingRow } from '@platform/db/database.schema';
import { badRequest, conflict } from '@platform/http/http.errors';
import { assertCan } from '@platform/tenancy/policy.rules';
import { findMergedInto, findPhotoIds, insertEvent, linkPhotos, updateMelding } from './meldingen.repository';
import { findVisibleMelding, getMelding } from './meldingen.service';
import { markSent, sendReporterNews } from './reporter-news.service';
import type { MeldingLinks } from './submit.service';

function refuse(code: string, detail: string): never {
  throw badRequest(code, detail, [{ name: 'duplicateIds', code, reason: detail }]);
}

// Merges duplicates (the same broken lamp, reported three times) into one melding. The duplicates are
// not closed: they follow the main melding's status from now on, and each reporter hears what happens.
// Their photos are shown on the main melding as well.
export async function mergeMeldingen(ctx: ServiceContext, links: MeldingLinks, mainId: string, duplicateIds: string[]) {
  assertCan(ctx.actor, 'meldingen.manage');
  return runInTransaction(ctx, async (tx) => {
    const main = await findVisibleMelding(tx, mainId, true);
    if (main.merged_into_id) throw conflict('melding-samengevoegd', 'Deze melding is zelf met een andere samengevoegd; voeg samen met die melding.');
    if (CLOSED_MELDING_STATUSES.includes(main.status as MeldingStatus)) throw conflict('melding-gesloten', 'Voeg samen met een melding die nog open is.');
    const organisationId = tx.actor.organisationId;
    let position = (await findPhotoIds(tx.db, organisationId, main.id)).length;
    for (const duplicateId of new Set(duplicateIds)) {
      if (duplicateId === main.id) refuse('zelfde-melding', 'Een melding kan niet met zichzelf worden samengevoegd.');
      const duplicate = await findVisibleMelding(tx, duplicateId, true).catch(() => refuse('onbekende-melding', 'Een van de gekozen meldingen bestaat niet.'));
      if (duplicate.municipality_id !== main.municipality_id) refuse('andere-gemeente', `Melding ${duplicate.number} hoort bij een andere gemeente.`);
      if (duplicate.merged_into_id) refuse('al-samengevoegd', `Melding ${duplicate.number} is al samengevoegd.`);
      // Duplicates of the duplicate come along: everyone follows the same melding.
      for (const earlier of await findMergedInto(tx.db, organisationId, duplicate.id)) {
        await updateMelding(tx.db, organisationId, earlier.id, { merged_into_id: main.id });
      }
      await follow(tx, links, main, duplicate);
      const photoIds = await findPhotoIds(tx.db, organisationId, duplicate.id);
      await linkPhotos(tx.db, organisationId, main.id, photoIds, position);
      position += photoIds.length;
      await insertEvent(tx.db, {
        organisation_id: organisationId,
        melding_id: main.id,
        at: tx.clock.now(),
        kind: 'samengevoegd',
        text: `Melding ${duplicate.number} is met deze melding samengevoegd en volgt haar.`,
        actor_user_id: tx.actor.userId || null,
        actor_name: tx.actor.name,
      });
      await recordAudit(tx, { action: 'melding.samengevoegd', recordType: 'melding', recordId: duplicate.id, details: { into: main.id } });
    }
    return getMelding(tx, main.id);
  });
}

// One duplicate starts following the main melding: same status, and its reporter is told.
async function follow(tx: ServiceContext, links: MeldingLinks, main: MeldingRow, duplicate: MeldingRow) {
  const now = tx.clock.now();
  const updated = await updateMelding(tx.db, tx.actor.organisationId, duplicate.id, {
    merged_into_id: main.id,
    status: main.status,
    first_reaction_at: duplicate.first_reaction_at ?? now,
    handled_at: main.handled_at,
  });
  const text = `Uw melding ${duplicate.number} gaat over hetzelfde als melding ${main.number}, die al bij ons bekend is (status: ${MELDING_STATUS_LABELS[main.status as MeldingStatus].toLowerCase()}). We hebben ze samengevoegd; u krijgt bericht zodra er iets verandert.`;
  const event = await insertEvent(tx.db, {
    organisation_id: tx.actor.organisationId,
    melding_id: duplicate.id,
    at: now,
    kind: 'samengevoegd',
    from_status: duplicate.status,
    to_status: main.status,
    text,
    actor_user_id: tx.actor.userId || null,
    actor_name: tx.actor.name,
  });
  const news = {
    subject: `Uw melding ${duplicate.number} is samengevoegd`,
    text,
    shortText: `Uw melding ${duplicate.number} is samengevoegd met ${main.number}; u hoort van ons.`,
    eventKey: event.id,
  };
  await markSent(tx, event.id, await sendReporterNews(tx, links, updated, news));
}

import { randomBytes } from 'node:crypto';
import type { MeldingStatus } from '@contracts/meldingen';
import { CLOSED_MELDING_STATUSES } from '@contracts/meldingen';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import { badRequest, conflict } from '@platform/http/http.errors';
import { findMunicipalities, findOrganisationById } from '@platform/organisations/organisations.repository';
import { assertCan } from '@platform/tenancy/policy.rules';
import { computeDeadline } from '@platform/time/termijnen.rules';
import { ensureCategories, filterSelectableCategories } from './categories.service';
import { findPhotoIds, insertEvent, insertMelding, insertPhotos, takeNextMeldingNumber } from './meldingen.repository';
import { findVisibleMelding, getMelding } from './meldingen.service';
import { markSent, sendReporterNews } from './reporter-news.service';
import { buildTrackingUrl, hashTrackingToken, type MeldingLinks } from './submit.service';

// Splits one melding that is about several things (a broken lamp and a full bin) into new meldingen,
// each in its own category with its own termijn, counted from when the resident reported it. The
// original stays for what is left. The reporter gets one message with a link to follow every part.
export async function splitMelding(ctx: ServiceContext, links: MeldingLinks, meldingId: string, parts: { categoryId: string; description: string }[]) {
  assertCan(ctx.actor, 'meldingen.manage');
  return runInTransaction(ctx, async (tx) => {
    const original = await findVisibleMelding(tx, meldingId, true);
    if (original.merged_into_id) throw conflict('melding-samengevoegd', 'Deze melding is samengevoegd; splits de melding die zij volgt.');
    if (CLOSED_MELDING_STATUSES.includes(original.status as MeldingStatus))
      throw conflict('melding-gesloten', 'Een gesloten melding kan niet meer worden gesplitst.');
    const organisationId = tx.actor.organisationId;
    const categories = filterSelectableCategories(await ensureCategories(tx.db, organisationId));
    parts.forEach((part, index) => {
      if (!categories.some((category) => category.id === part.categoryId)) {
        throw badRequest('onbekende-categorie', `Deel ${index + 1}: kies een categorie uit de lijst.`, [
          { name: `parts.${index}.categoryId`, code: 'onbekend', reason: 'Kies een categorie uit de lijst.' },
        ]);
      }
    });
    const municipality = (await findMunicipalities(tx.db, organisationId)).find((m) => m.id === original.municipality_id)!;
    const organisation = (await findOrganisationById(tx.db, organisationId))!;
    const photoIds = await findPhotoIds(tx.db, organisationId, original.id);
    const now = tx.clock.now();
    const created: { number: string; category: string; link: string }[] = [];
    for (const part of parts) {
      const category = categories.find((row) => row.id === part.categoryId)!;
      const token = randomBytes(24).toString('base64url');
      const termijn = { days: category.termijn_days, kind: category.termijn_kind };
      const melding = await insertMelding(tx.db, {
        organisation_id: organisationId,
        number: await takeNextMeldingNumber(
          tx.db,
          organisationId,
          Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: municipality.time_zone }).format(now)),
        ),
        municipality_id: original.municipality_id,
        category_id: category.id,
        description: part.description,
        lat: original.lat,
        lon: original.lon,
        address: original.address,
        source: original.source,
        reporter_email: original.reporter_email,
        reporter_phone: original.reporter_phone,
        reporter_consent: original.reporter_consent,
        tracking_token_hash: hashTrackingToken(token),
        answers: JSON.stringify({}),
        service_promise: category.service_promise,
        termijn_days: termijn.days,
        termijn_kind: termijn.kind,
        deadline: computeDeadline(original.created_at, termijn, municipality.time_zone),
        assigned_department: category.departments[0] ?? null,
        split_from_id: original.id,
        source_message_id: original.source_message_id,
        created_at: original.created_at,
        first_reaction_at: now,
      });
      await insertPhotos(tx.db, organisationId, melding.id, photoIds);
      await insertEvent(tx.db, {
        organisation_id: organisationId,
        melding_id: melding.id,
        at: now,
        kind: 'gemeld',
        to_status: 'gemeld',
        text: null,
        actor_user_id: null,
        actor_name: null,
        from_status: null,
      });
      await insertEvent(tx.db, {
        organisation_id: organisationId,
        melding_id: melding.id,
        at: now,
        kind: 'gesplitst',
        to_status: 'gemeld',
        text: `Afgesplitst van melding ${original.number}.`,
        actor_user_id: tx.actor.userId || null,
        actor_name: tx.actor.name,
      });
      created.push({ number: melding.number, category: category.public_name, link: buildTrackingUrl(links, organisation.slug, token) });
    }
    const text = [
      `Uw melding ${original.number} ging over meer dan één ding. Zodat elk deel bij de juiste afdeling komt, hebben we er aparte meldingen van gemaakt:`,
      ...created.map((part) => `- ${part.number} (${part.category}): ${part.link}`),
      `Melding ${original.number} blijft voor de rest. U krijgt over elk deel apart bericht.`,
    ].join('\n');
    const event = await insertEvent(tx.db, {
      organisation_id: organisationId,
      melding_id: original.id,
      at: now,
      kind: 'gesplitst',
      to_status: original.status,
      text,
      actor_user_id: tx.actor.userId || null,
      actor_name: tx.actor.name,
    });
    const news = {
      subject: `Uw melding ${original.number} is gesplitst`,
      text,
      shortText: `Uw melding ${original.number} is gesplitst in ${created.map((part) => part.number).join(', ')}; u hoort over elk deel apart.`,
      eventKey: event.id,
    };
    await markSent(tx, event.id, await sendReporterNews(tx, links, original, news));
    await recordAudit(tx, {
      action: 'melding.gesplitst',
      recordType: 'melding',
      recordId: original.id,
      details: { parts: created.map((part) => part.number) },
    });
    return getMelding(tx, original.id);
  });
}

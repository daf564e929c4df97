import {
  KLACHT_MAX_EXTENSION_WEEKS,
  KLACHT_OUTCOME_LABELS,
  KLACHT_STATUS_LABELS,
  KLACHT_TRANSITIONS,
  type KlachtOutcome,
  type KlachtStatus,
  mayDecideKlacht,
} from '@contracts/klachten';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { KlachtenTable, KlachtRow } from '@platform/db/database.schema';
import { badRequest, conflict } from '@platform/http/http.errors';
import { actsForMunicipality, assertCan, can } from '@platform/tenancy/policy.rules';
import type { Role } from '@platform/tenancy/roles.rules';
import { findRolesAndMunicipalities, findUser } from '@platform/users/users.repository';
import type { Updateable } from 'kysely';
import {
  formatDutchDate,
  mailComplainant,
  writeDecisionLetter,
  writeExtensionLetter,
  writeHearingLetter,
  writeNotHandledLetter,
  writeResolvedLetter,
} from './klacht.mail';
import { computeKlachtDeadline } from './klacht-termijn.rules';
import { updateKlacht } from './klachten.repository';
import { addKlachtEvent, findKlachtMunicipality, findVisibleKlacht, getKlacht, isClosed } from './klachten.service';

function assertMove(from: KlachtStatus, to: KlachtStatus) {
  if (KLACHT_TRANSITIONS[from].includes(to)) return;
  const possible = KLACHT_TRANSITIONS[from].map((status) => KLACHT_STATUS_LABELS[status]).join(', ') || 'geen (de klacht is afgesloten)';
  throw conflict(
    'status-niet-toegestaan',
    `Een klacht met status "${KLACHT_STATUS_LABELS[from]}" kan niet naar "${KLACHT_STATUS_LABELS[to]}". Mogelijk: ${possible}.`,
  );
}

function assertOpen(row: KlachtRow) {
  if (isClosed(row.status))
    throw conflict(
      'klacht-afgesloten',
      `Klacht ${row.number} is afgesloten (${KLACHT_STATUS_LABELS[row.status as KlachtStatus].toLowerCase()}); er kan niets meer aan veranderen.`,
    );
}

// Runs one handling step: lock the klacht, apply the change, write its timeline event and audit entry in the same
// transaction, and answer with the klacht as it now is.
async function handle(
  ctx: ServiceContext,
  klachtId: string,
  step: (tx: ServiceContext, row: KlachtRow) => Promise<{ action: string; details: Record<string, unknown> }>,
) {
  assertCan(ctx.actor, 'klachten.manage');
  return runInTransaction(ctx, async (tx) => {
    const row = await findVisibleKlacht(tx, klachtId, true);
    const { action, details } = await step(tx, row);
    await recordAudit(tx, { action, recordType: 'klacht', recordId: row.id, details });
    return getKlacht(tx, row.id);
  });
}

async function moveTo(
  tx: ServiceContext,
  row: KlachtRow,
  to: KlachtStatus,
  changes: Updateable<KlachtenTable>,
  text: string | null,
  sentToComplainant = false,
) {
  const from = row.status as KlachtStatus;
  assertMove(from, to);
  const updated = await updateKlacht(tx.db, tx.actor.organisationId, row.id, { ...changes, status: to, ...(isClosed(to) && { closed_at: tx.clock.now() }) });
  await addKlachtEvent(tx, row.id, { kind: changes.outcome ? 'besluit' : 'status', fromStatus: from, toStatus: to, text, sentToComplainant });
  return updated;
}

export async function changeKlachtStatus(
  ctx: ServiceContext,
  klachtId: string,
  input: { status: 'in-behandeling' | 'informeel-opgelost' | 'niet-in-behandeling' | 'ingetrokken'; reason?: string },
) {
  return handle(ctx, klachtId, async (tx, row) => {
    const reason = input.reason?.trim() || undefined;
    if ((input.status === 'niet-in-behandeling' || input.status === 'informeel-opgelost') && !reason) {
      const why =
        input.status === 'niet-in-behandeling'
          ? 'Awb 9:8: de klager krijgt schriftelijk de reden te horen.'
          : 'Schrijf kort op hoe de klacht is opgelost (Awb 9:5).';
      throw badRequest('reden-ontbreekt', `Geef een toelichting. ${why}`, [{ name: 'reason', code: 'verplicht', reason: why }]);
    }
    const municipality = await findKlachtMunicipality(tx, row.municipality_id);
    const letter =
      input.status === 'niet-in-behandeling'
        ? writeNotHandledLetter(row, municipality.name, reason!)
        : input.status === 'informeel-opgelost'
          ? writeResolvedLetter(row, municipality.name, reason)
          : null;
    const mailed = letter ? await mailComplainant(tx.db, row, tx.clock.now(), letter) : false;
    const postNote = letter && !mailed ? ' Geen e-mailadres bekend: stuur de klager een brief.' : '';
    await moveTo(tx, row, input.status, {}, `${reason ?? ''}${postNote}`.trim() || null, mailed);
    return { action: 'klacht.status', details: { from: row.status, to: input.status } };
  });
}

// Awb 9:7: the klacht is handled by someone who was not involved in the conduct complained about.
export async function assignKlachtHandler(ctx: ServiceContext, klachtId: string, handlerUserId: string) {
  return handle(ctx, klachtId, async (tx, row) => {
    assertOpen(row);
    const field = [{ name: 'handlerUserId', code: 'ongeldig', reason: '' }];
    if (handlerUserId === row.complained_user_id) {
      throw badRequest('behandelaar-is-beklaagde', 'De klacht gaat over deze medewerker; die mag haar niet behandelen (Awb 9:7). Kies een ander.', [
        { ...field[0]!, reason: 'Kies iemand die niet bij de gedraging betrokken was.' },
      ]);
    }
    const user = await findUser(tx.db, tx.actor.organisationId, handlerUserId);
    if (!user?.active)
      throw badRequest('onbekende-gebruiker', 'Deze medewerker bestaat niet.', [
        { ...field[0]!, code: 'onbekend', reason: 'Kies een medewerker van uw organisatie.' },
      ]);
    const access = await findRolesAndMunicipalities(tx.db, tx.actor.organisationId, [user.id]);
    const handler = {
      ...tx.actor,
      userId: user.id,
      roles: access.roles.map((r) => r.role as Role),
      municipalityIds: access.municipalities.map((m) => m.municipality_id),
    };
    if (!can(handler, 'klachten.manage') || !actsForMunicipality(handler, row.municipality_id)) {
      throw badRequest('behandelaar-zonder-toegang', `${user.name} kan klachten van deze gemeente niet behandelen (rol of gemeente ontbreekt).`, [
        { ...field[0]!, reason: 'Kies iemand met toegang tot klachten van deze gemeente.' },
      ]);
    }
    await updateKlacht(tx.db, tx.actor.organisationId, row.id, { handler_user_id: user.id });
    await addKlachtEvent(tx, row.id, { kind: 'behandelaar', text: `Behandelaar: ${user.name}` });
    // Assigning a handler is when the klacht is taken up.
    if (row.status === 'ontvangen') await moveTo(tx, row, 'in-behandeling', {}, null);
    return { action: 'klacht.behandelaar', details: { handlerUserId: user.id } };
  });
}

// Awb 9:10: the complainant is offered a hearing, unless they waive it.
export async function planKlachtHearing(ctx: ServiceContext, klachtId: string, input: { at: string; place: string } | { waived: true; reason?: string }) {
  return handle(ctx, klachtId, async (tx, row) => {
    assertOpen(row);
    if ('waived' in input) {
      if (row.status === 'hoorzitting-gepland') await moveTo(tx, row, 'in-behandeling', {}, null);
      await updateKlacht(tx.db, tx.actor.organisationId, row.id, { hearing_waived: true, hearing_at: null, hearing_place: null });
      await addKlachtEvent(tx, row.id, { kind: 'hoorzitting', text: `De klager ziet af van horen (Awb 9:10).${input.reason ? ` ${input.reason}` : ''}` });
      return { action: 'klacht.hoorzitting', details: { waived: true } };
    }
    const at = new Date(input.at);
    if (at.getTime() < tx.clock.now().getTime()) {
      throw badRequest('hoorzitting-in-verleden', 'De hoorzitting ligt in het verleden.', [
        { name: 'at', code: 'in-verleden', reason: 'Kies een moment in de toekomst.' },
      ]);
    }
    const municipality = await findKlachtMunicipality(tx, row.municipality_id);
    const changes = { hearing_at: at, hearing_place: input.place, hearing_waived: false };
    const updated =
      row.status === 'hoorzitting-gepland'
        ? await updateKlacht(tx.db, tx.actor.organisationId, row.id, changes)
        : await moveTo(tx, row, 'hoorzitting-gepland', changes, null);
    const mailed = await mailComplainant(tx.db, updated, tx.clock.now(), writeHearingLetter(updated, municipality.name, municipality.time_zone));
    const when = new Intl.DateTimeFormat('nl-NL', { timeZone: municipality.time_zone, dateStyle: 'short', timeStyle: 'short' }).format(at);
    await addKlachtEvent(tx, row.id, {
      kind: 'hoorzitting',
      text: `Hoorzitting op ${when}, ${input.place}.${mailed ? '' : ' Geen e-mailadres bekend: nodig de klager per brief of telefoon uit.'}`,
      sentToComplainant: mailed,
    });
    return { action: 'klacht.hoorzitting', details: { at: input.at } };
  });
}

// Awb 9:11 lid 2: once, by at most four weeks, told to the complainant before the term ends.
export async function extendKlacht(ctx: ServiceContext, klachtId: string, input: { weeks: number; reason: string }) {
  return handle(ctx, klachtId, async (tx, row) => {
    assertOpen(row);
    if (row.extension_weeks !== null)
      throw conflict('al-verdaagd', `Klacht ${row.number} is al verdaagd; de Awb staat één verdaging toe van hoogstens ${KLACHT_MAX_EXTENSION_WEEKS} weken.`);
    if (row.deadline.getTime() < tx.clock.now().getTime()) {
      throw conflict('termijn-verstreken', 'De beslistermijn is al verstreken; verdagen kan alleen vóór het einde van de termijn (Awb 9:11).');
    }
    const municipality = await findKlachtMunicipality(tx, row.municipality_id);
    const deadline = computeKlachtDeadline(row.received_at, input.weeks, municipality.time_zone);
    const updated = await updateKlacht(tx.db, tx.actor.organisationId, row.id, {
      extension_weeks: input.weeks,
      extension_reason: input.reason,
      extended_at: tx.clock.now(),
      deadline,
    });
    const mailed = await mailComplainant(tx.db, updated, tx.clock.now(), writeExtensionLetter(updated, municipality.name, municipality.time_zone));
    await addKlachtEvent(tx, row.id, {
      kind: 'verdaagd',
      text: `Verdaagd met ${input.weeks} ${input.weeks === 1 ? 'week' : 'weken'}: ${input.reason}${mailed ? '' : ' Geen e-mailadres bekend: stuur het verdagingsbericht per post.'}`,
      sentToComplainant: mailed,
    });
    return { action: 'klacht.verdaagd', details: { weeks: input.weeks, deadline: deadline.toISOString() } };
  });
}

// Awb 9:12: the decision with its reasons, to the complainant.
export async function decideKlacht(ctx: ServiceContext, klachtId: string, input: { outcome: KlachtOutcome; conclusion: string }) {
  return handle(ctx, klachtId, async (tx, row) => {
    assertMove(row.status as KlachtStatus, 'afgehandeld');
    const municipality = await findKlachtMunicipality(tx, row.municipality_id);
    assertHeardOrWaived(row, municipality.time_zone, tx.clock.now());
    const decided = { ...row, outcome: input.outcome, conclusion: input.conclusion };
    const mailed = await mailComplainant(tx.db, decided, tx.clock.now(), writeDecisionLetter(decided, municipality.name));
    const text = `${KLACHT_OUTCOME_LABELS[input.outcome]}: ${input.conclusion}${mailed ? '' : ' Geen e-mailadres bekend: stuur het besluit per post.'}`;
    await moveTo(tx, row, 'afgehandeld', { outcome: input.outcome, conclusion: input.conclusion }, text, mailed);
    return { action: 'klacht.besluit', details: { outcome: input.outcome } };
  });
}

function assertHeardOrWaived(row: KlachtRow, timeZone: string, now: Date) {
  if (mayDecideKlacht({ hearing: row.hearing_at ? { at: row.hearing_at.toISOString() } : null, hearingWaived: row.hearing_waived }, now)) return;
  if (row.hearing_at) {
    throw conflict(
      'hoorzitting-nog-niet-geweest',
      `De hoorzitting is op ${formatDutchDate(row.hearing_at, timeZone)}; het besluit volgt na het horen (Awb 9:10).`,
    );
  }
  throw conflict(
    'eerst-horen',
    'De klager is nog niet gehoord. Plan eerst een hoorzitting, of leg vast dat de klager afziet van horen (Awb 9:10); daarna volgt het besluit.',
  );
}

export async function addKlachtNote(ctx: ServiceContext, klachtId: string, text: string) {
  return handle(ctx, klachtId, async (tx, row) => {
    await addKlachtEvent(tx, row.id, { kind: 'notitie', text });
    return { action: 'klacht.notitie', details: {} };
  });
}

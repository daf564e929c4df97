import { KLACHT_OUTCOME_LABELS, type KlachtOutcome } from '@contracts/klachten';
import type { Db } from '@platform/db/database.client';
import type { KlachtRow } from '@platform/db/database.schema';
import { enqueueJob } from '@platform/jobs/jobs.service';

// The letters the Awb asks for, as e-mail. Plain text only: what the complainant wrote is never markup.
export const formatDutchDate = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat('nl-NL', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(instant);

export interface Letter {
  subject: string;
  text: string;
}

function letter(klacht: KlachtRow, municipalityName: string, subject: string, body: string[]): Letter {
  return {
    subject: `Uw klacht ${klacht.number}: ${subject}`,
    text: [`Beste ${klacht.complainant_name},`, '', ...body, '', 'Met vriendelijke groet,', '', `Gemeente ${municipalityName}`].join('\n'),
  };
}

// Awb 9:6: the receipt is acknowledged in writing.
export function writeAcknowledgementLetter(klacht: KlachtRow, municipalityName: string, timeZone: string): Letter {
  return letter(klacht, municipalityName, 'ontvangstbevestiging', [
    `Wij hebben uw klacht ontvangen op ${formatDutchDate(klacht.received_at, timeZone)}. Uw klacht heeft nummer ${klacht.number}; noem dit nummer als u contact met ons opneemt.`,
    '',
    'Uw klacht gaat over:',
    klacht.subject,
    '',
    `Wij nemen binnen zes weken een besluit over uw klacht, uiterlijk op ${formatDutchDate(klacht.deadline, timeZone)}. Meestal nodigen wij u eerst uit om uw klacht toe te lichten in een gesprek (hoorzitting).`,
  ]);
}

// Awb 9:11 lid 2: the complainant is told of an extension, before the term ends.
export function writeExtensionLetter(klacht: KlachtRow, municipalityName: string, timeZone: string): Letter {
  return letter(klacht, municipalityName, 'meer tijd nodig', [
    `Wij hebben meer tijd nodig om een besluit te nemen over uw klacht. De termijn wordt met ${klacht.extension_weeks} ${klacht.extension_weeks === 1 ? 'week' : 'weken'} verlengd (verdaagd).`,
    '',
    `De reden: ${klacht.extension_reason}`,
    '',
    `U krijgt ons besluit uiterlijk op ${formatDutchDate(klacht.deadline, timeZone)}.`,
  ]);
}

export function writeHearingLetter(klacht: KlachtRow, municipalityName: string, timeZone: string): Letter {
  const time = new Intl.DateTimeFormat('nl-NL', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(klacht.hearing_at!);
  return letter(klacht, municipalityName, 'uitnodiging voor een gesprek', [
    `Wij nodigen u uit om uw klacht toe te lichten (hoorzitting) op ${formatDutchDate(klacht.hearing_at!, timeZone)} om ${time} uur.`,
    `Plaats: ${klacht.hearing_place}`,
    '',
    'Kunt u niet op dit moment, of wilt u liever niet gehoord worden? Laat het ons dan weten.',
  ]);
}

// Awb 9:12: the decision, its reasons and any conclusions, with where to go next.
export function writeDecisionLetter(klacht: KlachtRow, municipalityName: string): Letter {
  return letter(klacht, municipalityName, 'ons besluit', [
    `Wij hebben uw klacht onderzocht. Ons oordeel: uw klacht is ${KLACHT_OUTCOME_LABELS[klacht.outcome as KlachtOutcome].toLowerCase()}.`,
    '',
    klacht.conclusion ?? '',
    '',
    'Bent u het niet eens met hoe wij uw klacht hebben behandeld? Dan kunt u zich wenden tot de Nationale ombudsman (www.nationaleombudsman.nl) of de ombudsman van uw gemeente.',
  ]);
}

// Awb 9:8 lid 2: the complainant is told, within four weeks, why the klacht is not taken into consideration.
export function writeNotHandledLetter(klacht: KlachtRow, municipalityName: string, reason: string): Letter {
  return letter(klacht, municipalityName, 'wij nemen uw klacht niet in behandeling', [
    'Wij nemen uw klacht niet in behandeling als klacht.',
    '',
    `De reden: ${reason}`,
  ]);
}

export function writeResolvedLetter(klacht: KlachtRow, municipalityName: string, reason: string | undefined): Letter {
  return letter(klacht, municipalityName, 'opgelost', [
    'Fijn dat wij uw klacht samen met u hebben kunnen oplossen. Wij sluiten uw klacht daarom af.',
    ...(reason ? ['', reason] : []),
    '',
    'Bent u toch niet tevreden? Laat het ons weten; dan behandelen wij uw klacht alsnog.',
  ]);
}

// Queues the letter when an e-mail address is known; false means it has to go by post.
export async function mailComplainant(db: Db, klacht: KlachtRow, now: Date, mail: Letter): Promise<boolean> {
  if (!klacht.complainant_email) return false;
  await enqueueJob(db, {
    organisationId: klacht.organisation_id,
    name: 'mail.versturen',
    runAt: now,
    payload: { to: klacht.complainant_email, subject: mail.subject, text: mail.text },
  });
  return true;
}

import { createHash } from 'node:crypto';
import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import { AppError, badRequest, notFound } from '@platform/http/http.errors';
import { answerOnce, type IdempotentCall } from '@platform/http/idempotency.service';
import { enqueueJob } from '@platform/jobs/jobs.service';
import { findMunicipalities, findOrganisationBySlug } from '@platform/organisations/organisations.repository';
import { findAccountByChannel } from './accounts.repository';
import { buildPlainMessage } from './connector.types';
import { claimChallenge, insertChallenge } from './form-challenges.repository';
import { storeMessages } from './ingest.service';

// Spam resistance without a third party: a hidden field people leave empty, a proof of work bound to a
// one-time challenge (cheap for one resident's browser, expensive for a bot posting thousands), and a
// minimum time between opening the form and sending it.
export const CHALLENGE_DIFFICULTY_BITS = 14;
const MIN_FILL_MS = 3_000;
const CHALLENGE_VALID_MS = 2 * 3_600_000;

export function countLeadingZeroBits(hash: Buffer): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    bits += Math.clz32(byte) - 24;
    break;
  }
  return bits;
}

export function hashProofOfWork(challenge: string, nonce: string): Buffer {
  return createHash('sha256').update(`${challenge}:${nonce}`).digest();
}

async function formTarget(db: Db, slug: string, cbsCode: string) {
  const organisation = await findOrganisationBySlug(db, slug);
  const municipality = organisation && (await findMunicipalities(db, organisation.id)).find((m) => m.cbs_code === cbsCode);
  const account = municipality && (await findAccountByChannel(db, organisation.id, municipality.id, 'webformulier'));
  if (!organisation || !municipality || !account || account.paused) throw notFound('Het contactformulier van deze gemeente');
  return { organisation, municipality, account };
}

export async function describeContactForm(db: Db, slug: string, cbsCode: string) {
  const { municipality, account } = await formTarget(db, slug, cbsCode);
  return { municipality: municipality.name, houseColour: municipality.house_colour, formName: account.display_name };
}

export async function issueChallenge(db: Db, clock: Clock, slug: string, cbsCode: string) {
  const { organisation, municipality } = await formTarget(db, slug, cbsCode);
  const row = await insertChallenge(db, {
    organisationId: organisation.id,
    municipalityId: municipality.id,
    difficulty: CHALLENGE_DIFFICULTY_BITS,
    issuedAt: clock.now(),
  });
  return { challenge: row.id, difficulty: row.difficulty };
}

export interface ContactFormInput {
  name?: string;
  email: string;
  subject?: string;
  message: string;
  website?: string;
  challenge: string;
  nonce: string;
}

const refused = (reason: string) =>
  badRequest('formulier-geweigerd', `Uw bericht is niet verstuurd: ${reason} Laad de pagina opnieuw en probeer het nog eens.`, [
    { name: 'challenge', code: 'ongeldig', reason },
  ]);

// Stores the resident's message on the municipality's "webformulier" account and confirms receipt by e-mail.
export async function submitContactForm(db: Db, clock: Clock, slug: string, cbsCode: string, input: ContactFormInput, call: IdempotentCall) {
  const { organisation, municipality, account } = await formTarget(db, slug, cbsCode);
  // A bot filled the hidden field: answer as if it worked, so it learns nothing, and keep nothing.
  if (input.website) return { received: true };
  if (!/^[0-9a-f-]{36}$/.test(input.challenge)) throw refused('de controle hoort niet bij dit formulier.');
  if (countLeadingZeroBits(hashProofOfWork(input.challenge, input.nonce)) < CHALLENGE_DIFFICULTY_BITS) {
    throw refused('de controle van uw browser klopt niet.');
  }
  const now = clock.now();
  return answerOnce(db, clock, organisation.id, call, async (trx) => {
    const challenge = await claimChallenge(trx, organisation.id, input.challenge, municipality.id, now);
    if (!challenge) throw refused('deze controle is al gebruikt of hoort bij een ander formulier.');
    const age = now.getTime() - challenge.issued_at.getTime();
    if (age < MIN_FILL_MS)
      throw new AppError(429, 'te-snel', 'Te snel verstuurd', 'Uw bericht is te snel na het openen verstuurd. Wacht een paar seconden en probeer het opnieuw.');
    if (age > CHALLENGE_VALID_MS) throw refused('het formulier stond te lang open.');
    await storeMessages(trx, clock, account, [
      buildPlainMessage({
        platformId: `formulier-${challenge.id}`,
        author: { id: input.email.toLowerCase(), handle: input.email.toLowerCase(), displayName: input.name ?? null, followers: null },
        text: input.message,
        subject: input.subject ?? null,
        visibility: 'prive',
        postedAt: now,
        raw: { form: 'contact', name: input.name ?? null, email: input.email, subject: input.subject ?? null },
      }),
    ]);
    await enqueueJob(trx, {
      organisationId: organisation.id,
      name: 'mail.versturen',
      runAt: now,
      uniqueKey: `formulier-bevestiging:${challenge.id}`,
      payload: {
        to: input.email,
        subject: `Ontvangen: uw bericht aan de gemeente ${municipality.name}`,
        text: [
          `Beste ${input.name?.trim() || 'inwoner'},`,
          '',
          `Wij hebben uw bericht aan de gemeente ${municipality.name} ontvangen. U krijgt antwoord per e-mail.`,
          '',
          'Uw bericht:',
          input.subject ? `Onderwerp: ${input.subject}` : '',
          input.message,
          '',
          `Met vriendelijke groet,\nGemeente ${municipality.name}`,
        ]
          .filter((line) => line !== '')
          .join('\n'),
      },
    });
    return { received: true };
  });
}

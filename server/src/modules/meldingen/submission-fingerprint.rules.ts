import { createHash } from 'node:crypto';
import type { MeldingSubmit } from '@contracts/meldingen';
import { stringify } from 'safe-stable-stringify';

// How long a resubmission of the same melding by the same sender is recognised: long enough for a retry after a
// dropped connection or a second tap, short enough that a resident reporting the same fault again tomorrow is heard.
export const RESUBMISSION_WINDOW_MS = 10 * 60_000;

// Who sent what, as one hash: the sender (a client address, an Open311 app), the municipality, and the content a
// resident typed, folded so that a retyped space does not make it new. Photos are left out: a retry after a reload
// uploads them again under new ids.
export function fingerprintSubmission(sender: string, municipalityId: string, input: MeldingSubmit): string {
  const fold = (text: string | undefined) => text?.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim() ?? null;
  const content = {
    sender,
    municipalityId,
    categoryId: input.categoryId,
    description: fold(input.description),
    place: [input.lat.toFixed(5), input.lon.toFixed(5)],
    address: fold(input.address),
    email: fold(input.email),
    phone: input.phone?.replace(/[^0-9+]/g, '') ?? null,
    answers: input.answers,
  };
  return createHash('sha256')
    .update(stringify(content) ?? '')
    .digest('hex');
}

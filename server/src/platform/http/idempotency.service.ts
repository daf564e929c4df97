import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { stringify } from 'safe-stable-stringify';
import { openSecret, sealSecret } from '../auth/secret-box.rules';
import type { Clock } from '../clock.service';
import { type Db, runInDbTransaction } from '../db/database.client';
import { AppError, badRequest } from './http.errors';
import { claimIdempotentRequest, findIdempotentRequest, type IdempotentRequestKey, storeIdempotentAnswer } from './idempotent-requests.repository';

// A client that retries a public POST (a lost answer, a dropped connection, a double click) sends the same
// Idempotency-Key (draft-ietf-httpapi-idempotency-key-header) and gets the first answer back instead of filing twice.
// Keys are what clients make (a UUID): long enough that nobody guesses another's.
const KEY = /^[\x21-\x7e]{16,255}$/;

export interface IdempotentCall {
  // Method and route, so one key on two endpoints is two requests.
  endpoint: string;
  key: string | undefined;
  // What was asked (parameters and body): the same key with other content is refused, not answered with the first.
  request: unknown;
}

// The Idempotency-Key header of a request, when it sent one; a malformed one is refused before anything happens.
export function readIdempotencyKey(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return undefined;
  const key = Array.isArray(value) ? value[0] : value;
  if (key === undefined || !KEY.test(key)) {
    throw badRequest('idempotency-key-ongeldig', 'De Idempotency-Key moet 16 tot 255 zichtbare tekens zijn, bijvoorbeeld een UUID.', [
      { name: 'Idempotency-Key', code: 'ongeldig', reason: 'Gebruik 16 tot 255 zichtbare tekens, bijvoorbeeld een UUID.' },
    ]);
  }
  return key;
}

// The call for a route: its method and path, the key it sent, and what it asked (path parameters, query and body).
export function describeIdempotentCall(request: FastifyRequest): IdempotentCall {
  return {
    endpoint: `${request.method} ${request.routeOptions.url ?? request.url}`,
    key: readIdempotencyKey(request),
    request: { params: request.params, query: request.query, body: request.body },
  };
}

// Does the work once per key: the key is claimed in the work's own transaction, so a crash before the commit leaves no
// trace and the retry does the work; after the commit every retry gets the stored answer. The answer is sealed with a
// key derived from the Idempotency-Key (only the client has it), so a tracking link in it is not readable in the table.
// Without a key the work simply runs in a transaction.
export async function answerOnce<T>(db: Db, clock: Clock, organisationId: string, call: IdempotentCall, work: (trx: Db) => Promise<T>): Promise<T> {
  const { key } = call;
  if (key === undefined) return runInDbTransaction(db, work);
  const id: IdempotentRequestKey = { organisationId, endpoint: call.endpoint, keyHash: derive('opzoeken', key).toString('hex') };
  const requestHash = createHash('sha256')
    .update(stringify(call.request) ?? 'null')
    .digest('hex');
  const context = `idempotent_requests:${organisationId}:${call.endpoint}`;
  type Outcome = { answer: T } | { earlier: Awaited<ReturnType<typeof findIdempotentRequest>> };
  const outcome = await runInDbTransaction<Outcome>(db, async (trx) => {
    if (await claimIdempotentRequest(trx, id, requestHash, clock.now())) {
      const answer = await work(trx);
      await storeIdempotentAnswer(trx, id, sealSecret(derive('verzegelen', key), JSON.stringify(answer ?? null), context));
      return { answer };
    }
    return { earlier: await findIdempotentRequest(trx, id) };
  });
  if ('answer' in outcome) return outcome.answer;
  const earlier = outcome.earlier;
  if (!earlier || earlier.answer_sealed === null) {
    // Only possible if the first request's transaction is still open elsewhere (PGlite has one connection, so not there).
    throw new AppError(409, 'verzoek-loopt-nog', 'Verzoek loopt nog', 'Hetzelfde verzoek wordt nog verwerkt. Probeer het over een paar seconden opnieuw.');
  }
  if (earlier.request_hash !== requestHash) {
    throw new AppError(
      422,
      'idempotency-key-hergebruikt',
      'Sleutel al gebruikt',
      'Deze Idempotency-Key hoort bij een ander verzoek. Gebruik voor een nieuw verzoek een nieuwe sleutel.',
    );
  }
  return JSON.parse(openSecret(derive('verzegelen', key), earlier.answer_sealed, context)) as T;
}

function derive(purpose: string, key: string): Buffer {
  return createHash('sha256').update(`plein-idempotency:${purpose}:${key}`).digest();
}

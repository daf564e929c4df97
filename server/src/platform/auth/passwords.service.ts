import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as dutch from '@zxcvbn-ts/language-nl-be';
import { badRequest } from '../http/http.errors';

// OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane.
// algorithm 2 is Argon2id (the package's enum is a const enum, which isolated modules cannot read).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this keeps the response time the same when the e-mail address is unknown.
let dummyHash: Promise<string> | undefined;
export function makeDummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('plein-dummy-password-for-timing');
  return dummyHash;
}

// zxcvbn-ts with the common and the Dutch (Flemish) dictionaries: common and leaked passwords, names, keyboard walks,
// repeats and dates count as easy to guess. Score 3 of 4 is the least we accept ("safely unguessable" with a slow hash).
const MIN_SCORE = 3;
let estimator: ZxcvbnFactory | undefined;
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...dutch.dictionary },
    graphs: common.adjacencyGraphs,
    translations: dutch.translations,
  });
  return estimator;
}

// "Sanne Smit", "sanne.smit@example.nl" → sanne, smit, sannesmit, example, …: a password built from them is easy to guess.
function personalWords(inputs: string[]): string[] {
  const words = new Set<string>();
  for (const input of inputs) {
    const parts = input
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((part) => part.length >= 2);
    for (const part of parts) words.add(part);
    if (parts.length > 1) words.add(parts.join(''));
  }
  return [...words];
}

// Refuses a password that is too short, too long or easy to guess, with the reason in Dutch. The person's own name
// and e-mail address count as easy to guess too (userInputs).
export async function assertPasswordStrength(password: string, options: { field?: string; userInputs?: string[] } = {}): Promise<void> {
  const field = options.field ?? 'password';
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badRequest('wachtwoord-te-kort', `Het wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens hebben.`, [
      { name: field, code: 'te-kort', reason: `Minstens ${MIN_PASSWORD_LENGTH} tekens.` },
    ]);
  }
  if (password.length > 1024) {
    throw badRequest('wachtwoord-te-lang', 'Het wachtwoord mag hoogstens 1024 tekens hebben.', [
      { name: field, code: 'te-lang', reason: 'Hoogstens 1024 tekens.' },
    ]);
  }
  const result = await strengthEstimator().checkAsync(password, personalWords(options.userInputs ?? []));
  if (result.score >= MIN_SCORE) return;
  const why = result.feedback.warning ?? 'Dit wachtwoord is te makkelijk te raden.';
  const tip = result.feedback.suggestions[0] ?? 'Gebruik een zin van een paar gewone woorden die niet bij elkaar horen.';
  throw badRequest('wachtwoord-te-zwak', `${why} ${tip}`, [{ name: field, code: 'te-zwak', reason: `${why} ${tip}` }]);
}

import { hash, verify } from '@node-rs/argon2';
import { badRequest } from '../http/errors';

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
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('plein-dummy-password-for-timing');
  return dummyHash;
}

export function assertPasswordStrength(password: string, field = 'password'): void {
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
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function generateSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

// Secrets are long random values, so a fast hash is enough; passwords use argon2id instead.
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function equalsInConstantTime(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// A bearer value carries its organisation so lookups stay within one tenant's data.
export function composeToken(prefix: string, organisationId: string, secret: string): string {
  return `${prefix}${organisationId.replaceAll('-', '')}_${secret}`;
}

export function parseToken(prefix: string, value: string): { organisationId: string; secret: string } | null {
  if (!value.startsWith(prefix)) return null;
  const rest = value.slice(prefix.length);
  const separator = rest.indexOf('_');
  if (separator !== 32) return null;
  const hex = rest.slice(0, 32);
  const organisationId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const secret = rest.slice(33);
  if (!UUID.test(organisationId) || secret.length < 20) return null;
  return { organisationId, secret };
}

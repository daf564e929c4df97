import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// AES-256-GCM for secrets Plein must read back (a client secret is sent to the provider, so it cannot
// be hashed). The context is bound as additional data: a value copied into another organisation's
// row, or into another column, does not open. "v1" leaves room for key rotation later.
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBoxError extends Error {}

// PLEIN_SECRET_KEY, and during a rotation the keys of PLEIN_SECRET_KEY_PREVIOUS that still open older values.
export interface SecretKeys {
  current?: Buffer;
  previous: Buffer[];
}

export function sealSecret(key: Buffer, plaintext: string, context: string): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
}

export function openSecret(key: Buffer, sealed: string, context: string): string {
  assertKey(key);
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new SecretBoxError('onbekend formaat');
  const ivBytes = Buffer.from(iv, 'base64url');
  const tagBytes = Buffer.from(tag, 'base64url');
  if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw new SecretBoxError('onbekend formaat');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError('sleutel past niet of de waarde is gewijzigd');
  }
}

export function isSealed(value: string): boolean {
  return value.startsWith(`${VERSION}.`);
}

function assertKey(key: Buffer) {
  if (key.length !== 32) throw new SecretBoxError('sleutel moet 32 bytes zijn');
}

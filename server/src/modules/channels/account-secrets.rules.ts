import { openSecret, SecretBoxError, type SecretKeys, sealSecret } from '@platform/auth/secret-box.rules';
import { badRequest } from '@platform/http/http.errors';

export type { SecretKeys };

// Bound to organisation and account: a sealed value copied to another account does not open.
function contextOf(organisationId: string, accountId: string) {
  return `channel-account:${organisationId}:${accountId}`;
}

export function sealAccountSecrets(keys: SecretKeys, organisationId: string, accountId: string, secrets: Record<string, string>): string {
  if (!keys.current) {
    throw badRequest('geen-sleutel', 'Plein kan geen wachtwoorden of tokens bewaren: de beheerder van de installatie moet PLEIN_SECRET_KEY instellen.', [
      { name: 'secrets', code: 'geen-sleutel', reason: 'PLEIN_SECRET_KEY ontbreekt op de server.' },
    ]);
  }
  return sealSecret(keys.current, JSON.stringify(secrets), contextOf(organisationId, accountId));
}

// Tries the current key, then the keys from before a rotation.
export function openAccountSecrets(keys: SecretKeys, organisationId: string, accountId: string, sealed: string | null): Record<string, string> {
  if (!sealed) return {};
  const candidates = [keys.current, ...keys.previous].filter((key): key is Buffer => key !== undefined);
  for (const key of candidates) {
    try {
      return JSON.parse(openSecret(key, sealed, contextOf(organisationId, accountId))) as Record<string, string>;
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
    }
  }
  throw new SecretBoxError('geen van de sleutels opent de geheimen van dit account');
}

// True when the value opens with the current key; rotation re-seals the others.
export function isSealedWithCurrentKey(keys: SecretKeys, organisationId: string, accountId: string, sealed: string): boolean {
  if (!keys.current) return false;
  try {
    openSecret(keys.current, sealed, contextOf(organisationId, accountId));
    return true;
  } catch {
    return false;
  }
}

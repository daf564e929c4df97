import { badRequest } from '../http/http.errors';

export interface AuditPosition {
  occurredAt: Date;
  seq: number;
}

// Opaque to clients so the ordering key can change without breaking them. Millisecond precision is exact:
// every entry's occurred_at comes from the injected Clock, a JS Date.
export function encodeAuditCursor(position: AuditPosition): string {
  return Buffer.from(`${position.occurredAt.getTime()}.${position.seq}`).toString('base64url');
}

export function decodeAuditCursor(cursor: string): AuditPosition {
  const match = /^(\d{1,15})\.(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    throw badRequest('ongeldige-cursor', 'Deze cursor kent Plein niet. Gebruik de nextCursor uit het vorige antwoord.', [
      { name: 'before', code: 'ongeldig', reason: 'Gebruik de nextCursor uit het vorige antwoord.' },
    ]);
  }
  return { occurredAt: new Date(Number(match[1])), seq: Number(match[2]) };
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookHandler } from '../../connector.types';

type Headers = Record<string, string | string[] | undefined>;

// Meta signs every webhook delivery: X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body,
// keyed with the app secret>. Shared by Facebook, Instagram and WhatsApp.
export function signMetaPayload(appSecret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  // timingSafeEqual needs equal lengths; the length itself is no secret (always 71 for a signature).
  return left.length === right.length && timingSafeEqual(left, right);
}

// False when the secret, the header or the signature is missing or wrong: the route then answers 401
// and stores nothing.
export function verifyMetaSignature(appSecret: string | undefined, rawBody: Buffer, headers: Headers): boolean {
  const sent = header(headers, 'x-hub-signature-256')?.trim();
  if (!appSecret || !sent?.startsWith('sha256=')) return false;
  return sameText(sent.toLowerCase(), signMetaPayload(appSecret, rawBody));
}

// The subscription handshake: GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…; answer
// the challenge only when the token is the one entered for this account.
export function answerMetaHandshake(verifyToken: string | undefined, query: Record<string, string>): string | null {
  if (!verifyToken || query['hub.mode'] !== 'subscribe') return null;
  const sent = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  if (typeof sent !== 'string' || typeof challenge !== 'string') return null;
  return sameText(sent, verifyToken) ? challenge : null;
}

// A delivery as deliveries of one change or one messaging event each (entry[].changes[], entry[].messaging[]), so
// that an item Plein cannot read is set aside on its own instead of failing the whole delivery. A WhatsApp change
// stays whole: its contacts belong to its messages.
export function splitMetaDelivery(body: unknown): unknown[] {
  const delivery = body as { entry?: unknown } | null;
  if (typeof delivery !== 'object' || delivery === null || !Array.isArray(delivery.entry)) return [body];
  const parts: unknown[] = [];
  for (const entry of delivery.entry as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { changes, messaging, ...rest } = entry as { changes?: unknown; messaging?: unknown };
    for (const change of Array.isArray(changes) ? changes : []) parts.push({ ...delivery, entry: [{ ...rest, changes: [change] }] });
    for (const event of Array.isArray(messaging) ? messaging : []) parts.push({ ...delivery, entry: [{ ...rest, messaging: [event] }] });
  }
  return parts;
}

// The webhook part of a Meta connector: the account's appSecret checks signatures, its verifyToken
// answers the handshake; only `parse` differs per product.
export function createMetaWebhook(parse: WebhookHandler['parse']): WebhookHandler {
  return {
    handshake: (account, query) => answerMetaHandshake(account.secrets.verifyToken, query),
    verify: (account, rawBody, headers) => verifyMetaSignature(account.secrets.appSecret, rawBody, headers),
    split: splitMetaDelivery,
    parse,
  };
}

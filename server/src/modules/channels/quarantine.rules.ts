import type { NormalisedMessage } from './connector.types';

// A set-aside message as JSON text and back, keeping what JSON alone would lose: the moment it was posted (even one
// outside the range a date string can say, which may be why it was set aside) and the bytes of attached files.
export function serialiseQuarantinedMessage(message: NormalisedMessage): string {
  return JSON.stringify(message, function keepTypes(key, value) {
    const original = (this as Record<string, unknown>)[key];
    if (original instanceof Date) return { $date: original.getTime() };
    if (Buffer.isBuffer(original)) return { $bytes: original.toString('base64') };
    if (typeof value === 'bigint') return value.toString();
    return value;
  });
}

export function serialiseUnreadableDelivery(part: unknown): string {
  return JSON.stringify({ $delivery: part ?? null });
}

// What was set aside: a message the connector made, or a part of a delivery it could not read.
export type QuarantinedPayload = { kind: 'message'; message: NormalisedMessage } | { kind: 'delivery'; delivery: unknown };

export function parseQuarantinedPayload(payload: string): QuarantinedPayload {
  const parsed = JSON.parse(payload) as { $delivery?: unknown };
  if (parsed && typeof parsed === 'object' && '$delivery' in parsed) return { kind: 'delivery', delivery: parsed.$delivery };
  return { kind: 'message', message: parseQuarantinedMessage(payload) };
}

function parseQuarantinedMessage(payload: string): NormalisedMessage {
  return JSON.parse(payload, (_key, value) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      if (typeof value.$date === 'number' || value.$date === null) return new Date(value.$date ?? Number.NaN);
      if (typeof value.$bytes === 'string') return Buffer.from(value.$bytes, 'base64');
    }
    return value;
  }) as NormalisedMessage;
}

// A line of text to recognise the message by in the list, without showing all of it.
export function summariseQuarantinedPayload(payload: QuarantinedPayload): { author: string; excerpt: string } {
  if (payload.kind === 'delivery') return { author: '', excerpt: JSON.stringify(payload.delivery).slice(0, 280) };
  const { message } = payload;
  const author = String(message?.author?.handle ?? message?.author?.displayName ?? '');
  const text = typeof message?.text === 'string' ? message.text : '';
  return { author: author.slice(0, 200), excerpt: text.length > 280 ? `${text.slice(0, 279)}…` : text };
}

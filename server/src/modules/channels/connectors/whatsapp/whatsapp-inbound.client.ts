import type { ConnectorAccount, NormalisedMedia, NormalisedMessage } from '../../connector.types';

type Json = Record<string, any>;

// The media kinds of the Cloud API messages webhook. The media id (in raw) is what GET /{media-id}
// needs to fetch the bytes later; the webhook itself carries no lasting URL.
const MEDIA_TYPES: Record<string, NormalisedMedia['type']> = { image: 'image', sticker: 'image', video: 'video', audio: 'audio', document: 'file' };

function textOf(message: Json): string {
  const type = String(message.type);
  if (type === 'text') return String(message.text?.body ?? '');
  if (MEDIA_TYPES[type]) return String(message[type]?.caption ?? '');
  if (type === 'location') return [message.location?.name, message.location?.address].filter(Boolean).join(', ');
  if (type === 'interactive') {
    // A tapped reply button or chosen list row: its title is what the resident "said".
    const reply = message.interactive?.button_reply ?? message.interactive?.list_reply;
    return [reply?.title, reply?.description].filter(Boolean).join(' — ');
  }
  // A quick-reply button under a template message.
  if (type === 'button') return String(message.button?.text ?? '');
  if (type === 'reaction') return String(message.reaction?.emoji ?? '');
  return `(WhatsApp-bericht van het soort "${type}" dat Plein niet kan tonen)`;
}

function mediaOf(message: Json): NormalisedMedia[] {
  const type = MEDIA_TYPES[String(message.type)];
  return type ? [{ url: null, type, altText: null }] : [];
}

function geoOf(message: Json): NormalisedMessage['geo'] {
  const lat = Number(message.location?.latitude);
  const lon = Number(message.location?.longitude);
  return message.type === 'location' && Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null;
}

function normalise(message: Json, contacts: Map<string, string | null>, phoneNumberId: string, wabaId: unknown): NormalisedMessage | null {
  if (typeof message.id !== 'string' || typeof message.from !== 'string') return null;
  const seconds = Number(message.timestamp);
  const replyTo = message.type === 'reaction' ? message.reaction?.message_id : message.context?.id;
  return {
    platformId: message.id,
    direction: 'in',
    // wa_id is what the Cloud API takes as "to" when Plein answers.
    author: { id: message.from, handle: `+${message.from}`, displayName: contacts.get(message.from) ?? null, followers: null },
    text: textOf(message),
    media: mediaOf(message),
    links: [],
    mentions: [],
    hashtags: [],
    replyToPlatformId: typeof replyTo === 'string' ? replyTo : null,
    // WhatsApp has conversations, not threads.
    threadRootPlatformId: null,
    geo: geoOf(message),
    language: null,
    publicUrl: null,
    visibility: 'prive',
    postedAt: Number.isFinite(seconds) ? new Date(seconds * 1000) : new Date(),
    raw: { message, phoneNumberId, wabaId: typeof wabaId === 'string' ? wabaId : null },
  };
}

// The messages webhook (object "whatsapp_business_account"): entry[].changes[] with field "messages".
// Only changes for this account's own phone number count; one WhatsApp Business Account can hold
// several numbers and Meta sends all of them to the same app.
export function parseWebhook(account: ConnectorAccount, body: unknown): NormalisedMessage[] {
  const payload = body as Json | null;
  if (payload?.object !== 'whatsapp_business_account' || !Array.isArray(payload.entry)) return [];
  const ownNumber = String(account.settings.phoneNumberId ?? '');
  const messages: NormalisedMessage[] = [];
  for (const entry of payload.entry as Json[]) {
    for (const change of Array.isArray(entry?.changes) ? (entry.changes as Json[]) : []) {
      const value = change?.value as Json | undefined;
      if (change?.field !== 'messages' || !value || String(value.metadata?.phone_number_id ?? '') !== ownNumber || !ownNumber) continue;
      const contacts = new Map<string, string | null>();
      for (const contact of Array.isArray(value.contacts) ? (value.contacts as Json[]) : []) {
        if (typeof contact?.wa_id === 'string') contacts.set(contact.wa_id, contact.profile?.name || null);
      }
      for (const message of Array.isArray(value.messages) ? (value.messages as Json[]) : []) {
        const normalised = normalise(message, contacts, ownNumber, entry.id);
        if (normalised) messages.push(normalised);
      }
      // value.statuses (sent/delivered/read/failed for Plein's own messages, carrying the outbox id
      // in biz_opaque_callback_data) and value.errors are not messages and are ignored for now. They
      // are where delivery receipts, asynchronous failures (a 131047 can also arrive this way) and a
      // real findSent would come from once Plein stores them.
    }
  }
  return messages;
}

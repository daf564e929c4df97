import type { ConnectorAccount, DeliveryReport, NormalisedMedia, NormalisedMessage } from '../../connector.types';

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
      // value.statuses are Meta's word on Plein's own messages: parseStatusReports reads them.
    }
  }
  return messages;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The statuses in the messages webhook: sent, delivered and read say Meta has the message; failed says it could not
// deliver it (a 131047 after the 24-hour window can also arrive this way, after the send call succeeded). Plein sends
// each message with its outbox id in biz_opaque_callback_data, which Meta returns here; statuses without it (messages
// sent from elsewhere, such as the WhatsApp Business app) are not Plein's.
export function parseStatusReports(account: ConnectorAccount, body: unknown): DeliveryReport[] {
  const payload = body as Json | null;
  if (payload?.object !== 'whatsapp_business_account' || !Array.isArray(payload.entry)) return [];
  const ownNumber = String(account.settings.phoneNumberId ?? '');
  const reports: DeliveryReport[] = [];
  for (const entry of payload.entry as Json[]) {
    for (const change of Array.isArray(entry?.changes) ? (entry.changes as Json[]) : []) {
      const value = change?.value as Json | undefined;
      if (change?.field !== 'messages' || !value || !ownNumber || String(value.metadata?.phone_number_id ?? '') !== ownNumber) continue;
      for (const status of Array.isArray(value.statuses) ? (value.statuses as Json[]) : []) {
        const outboxId = status?.biz_opaque_callback_data;
        if (typeof outboxId !== 'string' || !UUID.test(outboxId) || typeof status.id !== 'string' || !status.id) continue;
        if (!['sent', 'delivered', 'read', 'failed'].includes(status.status)) continue;
        const failed = status.status === 'failed';
        reports.push({
          outboxId: outboxId.toLowerCase(),
          platformId: status.id,
          delivered: !failed,
          error: failed ? describeStatusError(status.errors) : null,
        });
      }
    }
  }
  return reports;
}

function describeStatusError(errors: unknown): string {
  const first = (Array.isArray(errors) ? errors[0] : null) as Json | null;
  const details = typeof first?.error_data?.details === 'string' ? first.error_data.details : null;
  const title = typeof first?.title === 'string' ? first.title : typeof first?.message === 'string' ? first.message : null;
  const code = typeof first?.code === 'number' ? ` (code ${first.code})` : '';
  return `WhatsApp kon het bericht niet afleveren${code}: ${details ?? title ?? 'geen reden opgegeven'}`.slice(0, 1000);
}

import type { NormalisedMedia, NormalisedMessage } from '../../connector.types';

const LINK = /https?:\/\/[^\s<>"')]+/g;
const HASHTAG = /(?:^|\s)#([\p{L}\p{N}_]+)/gu;
const MENTION = /(?:^|\s)@([\w.]+)/g;

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

// Graph gives plain text; links, hashtags and @mentions are read from it the way the apps show them.
export function mapMetaMessage(
  fields: Pick<NormalisedMessage, 'platformId' | 'author' | 'text' | 'postedAt' | 'raw'> & Partial<NormalisedMessage>,
): NormalisedMessage {
  const text = fields.text;
  return {
    direction: 'in',
    media: [] as NormalisedMedia[],
    links: unique(text.match(LINK) ?? []),
    mentions: unique([...text.matchAll(MENTION)].map((match) => match[1]!)),
    hashtags: unique([...text.matchAll(HASHTAG)].map((match) => match[1]!)),
    replyToPlatformId: null,
    threadRootPlatformId: null,
    geo: null,
    language: null,
    publicUrl: null,
    visibility: 'openbaar',
    ...fields,
  };
}

type Json = Record<string, any>;

function attachmentMedia(attachments: unknown): NormalisedMedia[] {
  if (!Array.isArray(attachments)) return [];
  return (attachments as Json[]).map((attachment) => {
    const type = attachment.type === 'image' || attachment.type === 'video' || attachment.type === 'audio' ? attachment.type : 'file';
    return { url: typeof attachment.payload?.url === 'string' ? attachment.payload.url : null, type, altText: null };
  });
}

// Messenger and Instagram Direct deliver private messages the same way: entry[].messaging[] with
// sender.id (a page- or Instagram-scoped id), recipient.id, timestamp (ms) and message {mid, text,
// attachments}. Echoes of what the account itself sent (is_echo) come back as outgoing messages.
export function mapMessagingEvents(entries: unknown, ownId: string, kind: 'messenger' | 'instagram-direct', now: Date): NormalisedMessage[] {
  if (!Array.isArray(entries)) return [];
  const messages: NormalisedMessage[] = [];
  for (const entry of entries as Json[]) {
    for (const event of Array.isArray(entry?.messaging) ? (entry.messaging as Json[]) : []) {
      const message = event?.message;
      if (!message || typeof message.mid !== 'string' || message.is_deleted) continue;
      const echo = message.is_echo === true;
      const senderId = String(event.sender?.id ?? '');
      // The conversation is with whoever is not the account.
      const residentId = echo ? String(event.recipient?.id ?? '') : senderId;
      messages.push(
        mapMetaMessage({
          platformId: message.mid,
          direction: echo || senderId === ownId ? 'uit' : 'in',
          author: { id: senderId, handle: senderId, displayName: null, followers: null },
          text: typeof message.text === 'string' ? message.text : '',
          media: attachmentMedia(message.attachments),
          replyToPlatformId: typeof message.reply_to?.mid === 'string' ? message.reply_to.mid : null,
          visibility: 'prive',
          postedAt: typeof event.timestamp === 'number' ? new Date(event.timestamp) : now,
          raw: { kind, residentId, senderId, recipientId: event.recipient?.id ?? null, message },
        }),
      );
    }
  }
  return messages;
}

import { type AddressObject, type Attachment, type ParsedMail, simpleParser } from 'mailparser';
import type { NormalisedMedia, NormalisedMessage } from '../../connector.types';

// The headers Plein keeps with a mail: enough to thread and answer it. The full source stays in the
// mailbox; keeping it in Plein as well would store every attachment twice.
const KEPT_HEADERS = ['message-id', 'in-reply-to', 'references', 'from', 'reply-to', 'to', 'cc', 'date', 'subject'];

export type MailHeaders = Partial<Record<(typeof KEPT_HEADERS)[number], string>>;

// "<a@b> <c@d>" → ["a@b", "c@d"]: Message-IDs as Plein stores them, without angle brackets.
export function parseMessageIds(value: string | string[] | undefined | null): string[] {
  const joined = Array.isArray(value) ? value.join(' ') : (value ?? '');
  const bracketed = [...joined.matchAll(/<([^<>\s]+)>/g)].map((match) => match[1]!);
  if (bracketed.length > 0) return bracketed;
  // Some clients leave the brackets off.
  return joined.split(/\s+/).filter((id) => id.includes('@'));
}

function keptHeaders(parsed: ParsedMail): MailHeaders {
  const kept: MailHeaders = {};
  for (const { key, line } of parsed.headerLines) {
    if (!KEPT_HEADERS.includes(key) || kept[key] !== undefined) continue;
    // Unfolded, without the "Name:" in front; encoded words stay encoded, as in the mail itself.
    kept[key] = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
  }
  return kept;
}

function firstAddress(value: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(value) ? value.flatMap((entry) => entry.value) : (value?.value ?? []);
  return list.find((address) => address.address) ?? null;
}

function mediaType(contentType: string): NormalisedMedia['type'] {
  const family = contentType.split('/')[0];
  return family === 'image' || family === 'video' || family === 'audio' ? family : 'file';
}

function toMedia(attachment: Attachment, index: number): NormalisedMedia {
  const extension = attachment.contentType.split('/')[1]?.replace(/[^a-z0-9]/gi, '') || 'bin';
  return {
    url: null,
    type: mediaType(attachment.contentType),
    altText: null,
    file: { filename: attachment.filename || `bijlage-${index + 1}.${extension}`, contentType: attachment.contentType, bytes: attachment.content },
  };
}

function plain(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function validDate(date: Date | null | undefined): Date | null {
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

export interface FetchedMail {
  uid: number;
  uidValidity: string;
  source: Buffer;
  internalDate: Date | null;
}

// One mail from the mailbox in Plein's shape. The Message-ID is the platform id, so the same mail
// fetched twice (a retried poll, a mailbox whose UIDVALIDITY changed) is stored once.
export async function normaliseMail(mail: FetchedMail, now: Date): Promise<NormalisedMessage> {
  // Inline images stay attachments (no data: URLs in the text); mailparser converts HTML-only mail to text.
  const parsed = await simpleParser(mail.source, { skipImageLinks: true, skipTextToHtml: true });
  const ownId = parseMessageIds(parsed.messageId)[0] ?? `uid:${mail.uidValidity}:${mail.uid}`;
  const inReplyTo = parseMessageIds(parsed.inReplyTo)[0] ?? null;
  const references = parseMessageIds(parsed.references);
  const from = firstAddress(parsed.from);
  const address = from?.address?.toLowerCase() ?? 'onbekend';
  const html = typeof parsed.html === 'string' ? parsed.html : '';
  return {
    platformId: ownId,
    author: { id: address, handle: address, displayName: from?.name || null, followers: null },
    text: (parsed.text?.trim() || plain(html)).slice(0, 100_000),
    subject: parsed.subject ?? null,
    media: parsed.attachments.map(toMedia),
    links: [],
    mentions: [],
    hashtags: [],
    replyToPlatformId: inReplyTo,
    threadRootPlatformId: references[0] ?? inReplyTo ?? ownId,
    geo: null,
    language: null,
    publicUrl: null,
    visibility: 'prive',
    postedAt: validDate(parsed.date) ?? validDate(mail.internalDate) ?? now,
    raw: keptHeaders(parsed),
  };
}

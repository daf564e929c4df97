import addressparser from 'nodemailer/lib/addressparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { ChannelError, type ConnectorAccount, type OutboundRequest } from '../../connector.types';
import { type MailHeaders, parseMessageIds } from './inbound-mail.mapping';

// Derived from the outbox id, so a send retried after a crash carries the same Message-ID: the
// resident's mail server and client see one message, and findSent can look for it.
export function replyMessageId(account: ConnectorAccount, outboxId: string): string {
  const domain = account.handle.split('@')[1]?.trim() || 'plein.invalid';
  return `plein-${outboxId}@${domain}`;
}

// "Re: " once, also when the resident's client already wrote "RE:", "Antw:" or "AW:".
export function replySubject(subject: string | null): string {
  const original = (subject ?? '').trim();
  if (!original) return 'Re: uw bericht';
  return /^(re|antw|aw|sv)\s*:/i.test(original) ? original : `Re: ${original}`;
}

function recipient(request: OutboundRequest, headers: MailHeaders): string {
  // A Reply-To set by the resident wins over From, as in every mail client.
  const replyTo = headers['reply-to'] ? addressparser(headers['reply-to'], { flatten: true })[0]?.address : undefined;
  const address = replyTo || request.replyTo!.authorHandle;
  if (!address.includes('@')) throw new ChannelError('permanent', `"${address}" is geen e-mailadres om naar te antwoorden.`);
  return address;
}

export interface ComposedReply {
  messageId: string;
  from: string;
  to: string;
  raw: Buffer;
}

// The reply as one RFC 5322 message: the same bytes go to SMTP and into the Sent folder.
export async function composeReply(account: ConnectorAccount, request: OutboundRequest, now: Date): Promise<ComposedReply> {
  if (!request.replyTo) throw new ChannelError('permanent', 'Plein verstuurt e-mail alleen als antwoord op een ontvangen bericht.');
  const headers = (request.replyTo.raw ?? {}) as MailHeaders;
  const to = recipient(request, headers);
  const messageId = replyMessageId(account, request.outboxId);
  // An original without a Message-ID was stored under "uid:…"; that is no id to thread on.
  const originalId = request.replyTo.platformId.startsWith('uid:') ? null : request.replyTo.platformId;
  const references = [...parseMessageIds(headers.references), ...(originalId ? [originalId] : [])];
  const composer = new MailComposer({
    from: account.handle,
    to,
    subject: replySubject(request.replyTo.subject ?? headers.subject ?? null),
    text: request.text,
    messageId: `<${messageId}>`,
    date: now,
    ...(originalId && { inReplyTo: `<${originalId}>` }),
    ...(references.length > 0 && { references: references.map((id) => `<${id}>`).join(' ') }),
    attachments: request.media.map((item) => ({ filename: item.filename, content: item.bytes, contentType: item.contentType })),
    // Everything comes from Plein's own database: never let the composer read files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return { messageId, from: account.handle, to, raw: await composer.compile().build() };
}

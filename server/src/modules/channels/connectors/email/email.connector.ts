import nodemailer from 'nodemailer';
import type { Connector, ConnectorAccount, ConnectorDeps } from '../../connector.types';
import { findSentFolder, resolveMailServer, withImap } from './imap-session.client';
import { type FetchedMail, normaliseMail } from './inbound-mail.mapping';
import { classifyMailError } from './mail.errors';
import { buildSmtpOptions } from './mail-settings.rules';
import { composeReply, replyMessageId } from './reply.mail';

const BATCH = 100;
// A batch also stops at this many bytes, so a mailbox full of scans does not fill the worker's memory.
const BATCH_BYTES = 50 * 1024 * 1024;

// Where the last poll stopped. UIDs only mean something within one UIDVALIDITY.
export interface MailCursor {
  uidValidity: string;
  lastUid: number;
}

async function sendRaw(account: ConnectorAccount, deps: ConnectorDeps, from: string, to: string, raw: Buffer) {
  const address = await resolveMailServer(deps, String(account.settings.smtpHost), 'SMTP');
  const transport = nodemailer.createTransport(buildSmtpOptions(account, address, deps.timeoutMs));
  try {
    await transport.sendMail({ envelope: { from, to: [to] }, raw });
  } catch (error) {
    throw classifyMailError(error, 'SMTP');
  } finally {
    transport.close();
  }
}

// The municipality's e-mail box: IMAP in, SMTP out. Plein opens the INBOX read-only and tracks its
// progress in its own cursor, so nothing is marked read or moved for staff who use the same box in
// their own mail client.
export const emailConnector: Connector = {
  channel: 'email',
  pollIntervalSeconds: 60,
  streams: () => ['INBOX'],

  async poll(account, stream, cursor, deps) {
    const previous = cursor as MailCursor | null;
    const { fetched, next, more } = await withImap(account, deps, async (client) => {
      const mailbox = await client.mailboxOpen(stream, { readOnly: true });
      const uidValidity = String(mailbox.uidValidity);
      // A new UIDVALIDITY (mailbox rebuilt or restored) makes the old UIDs meaningless: start over;
      // Message-IDs as platform ids keep what Plein already has from being stored twice.
      const lastUid = previous?.uidValidity === uidValidity ? previous.lastUid : 0;
      const start: MailCursor = { uidValidity, lastUid };
      if (mailbox.exists === 0) return { fetched: [], next: start, more: false };
      // "n:*" also matches the highest UID when it is below n, hence the filter.
      const found = (await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || [];
      const uids = found.filter((uid) => uid > lastUid).sort((a, b) => a - b);
      if (uids.length === 0) return { fetched: [], next: start, more: false };
      const sized = await client.fetchAll(uids.slice(0, BATCH).join(','), { uid: true, size: true }, { uid: true });
      sized.sort((a, b) => a.uid - b.uid);
      const batch: number[] = [];
      let bytes = 0;
      for (const message of sized) {
        if (batch.length > 0 && bytes + (message.size ?? 0) > BATCH_BYTES) break;
        batch.push(message.uid);
        bytes += message.size ?? 0;
      }
      const messages = await client.fetchAll(batch.join(','), { uid: true, source: true, internalDate: true }, { uid: true });
      const mails: FetchedMail[] = messages
        .filter((message) => message.source)
        .map((message) => ({
          uid: message.uid,
          uidValidity,
          source: message.source!,
          internalDate: message.internalDate ? new Date(message.internalDate) : null,
        }));
      const highest = Math.max(...batch);
      return { fetched: mails, next: { uidValidity, lastUid: highest }, more: uids.some((uid) => uid > highest) };
    });
    // Parsed after logging out: the session is not held open while attachments are decoded.
    const now = deps.clock.now();
    const messages = [];
    for (const mail of fetched.sort((a, b) => a.uid - b.uid)) messages.push(await normaliseMail(mail, now));
    return { messages, cursor: next, more };
  },

  async send(account, request, deps) {
    const reply = await composeReply(account, request, deps.clock.now());
    await sendRaw(account, deps, reply.from, reply.to, reply.raw);
    // A copy in Sent lets staff see Plein's answers in their own mail client and lets findSent recognise
    // it after a crash. The resident has the reply already, so a failing copy does not fail the send.
    await withImap(account, deps, async (client) => {
      const sent = await findSentFolder(client);
      if (sent) await client.append(sent, reply.raw, ['\\Seen'], deps.clock.now());
    }).catch(() => undefined);
    return { platformId: reply.messageId, publicUrl: null };
  },

  // Only where the box has a Sent folder; without one a retry sends again, with the same Message-ID,
  // which the resident's mail server and client treat as the same message.
  async findSent(account, request, deps) {
    const messageId = replyMessageId(account, request.outboxId);
    return withImap(account, deps, async (client) => {
      const sent = await findSentFolder(client);
      if (!sent) return null;
      await client.mailboxOpen(sent, { readOnly: true });
      const found = (await client.search({ header: { 'message-id': `<${messageId}>` } }, { uid: true })) || [];
      return found.length > 0 ? { platformId: messageId, publicUrl: null } : null;
    });
  },

  async verify(account, deps) {
    await withImap(account, deps, async () => undefined);
    const address = await resolveMailServer(deps, String(account.settings.smtpHost), 'SMTP');
    const transport = nodemailer.createTransport(buildSmtpOptions(account, address, deps.timeoutMs));
    try {
      await transport.verify();
    } catch (error) {
      throw classifyMailError(error, 'SMTP');
    } finally {
      transport.close();
    }
    return {};
  },
};

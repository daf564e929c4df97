import { randomUUID } from 'node:crypto';
import { startDovecot, type TestDovecot } from '@test/dovecot';
import { buildChannelAccount, buildOrganisation, buildUser, TEST_SECRET_KEY } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { pollNow } from '@test/kits/poll-now';
import { composeResidentMail, LETTER_PDF, PIXEL_PNG } from '@test/kits/test-mails';
import { startSubmissionServer } from '@test/kits/test-smtp-server';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccount } from '../../accounts.repository';
import { buildConnectorAccount } from '../../channels.jobs';
import { ChannelError, type ConnectorAccount } from '../../connector.types';
import { loadOutboundRequest } from '../../outbox.service';
import { registerConnector } from '../connectors.registry';
import { emailConnector } from './email.connector';
import { replySubject } from './reply.mail';

const KEYS = { current: TEST_SECRET_KEY, previous: [] };
let t: TestApp;
let dovecot: TestDovecot;
let smtp: Awaited<ReturnType<typeof startSubmissionServer>>;
// The mailbox passwords, known to both servers as at a real provider.
const passwords = new Map<string, string>();
// How many mails each poll fetched from the server, per account: proof that the cursor works,
// which "stored once" alone cannot show.
const fetched = new Map<string, number[]>();

beforeAll(async () => {
  [dovecot, smtp, t] = await Promise.all([startDovecot(), startSubmissionServer((user) => passwords.get(user)), createTestApp()]);
  registerConnector({
    ...emailConnector,
    async poll(account, stream, cursor, deps) {
      const result = await emailConnector.poll!(account, stream, cursor, deps);
      fetched.set(account.id, [...(fetched.get(account.id) ?? []), result.messages.length]);
      return result;
    },
  });
});

afterAll(async () => {
  registerConnector(emailConnector);
  // DOVECOT_LOG=1 shows what the IMAP server saw, for a failure that the client's error does not explain.
  if (process.env.DOVECOT_LOG) console.log(dovecot?.log());
  await Promise.all([t?.close(), smtp?.close(), dovecot?.close()]);
});

async function mailbox(options: { password?: string; storedPassword?: string } = {}) {
  const org = await buildOrganisation(t.database.db);
  const address = `postbus-${randomUUID().slice(0, 8)}@bergen.example`;
  dovecot.addUser(address, options.password ?? 'stoeptegel');
  passwords.set(address, options.password ?? 'stoeptegel');
  const account = await buildChannelAccount(t.database.db, t.clock, org.id, {
    municipalityId: org.municipalities[0]!.id,
    channel: 'email',
    handle: address,
    settings: { imapHost: '127.0.0.1', imapPort: dovecot.port, imapSecure: false, smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecure: false },
    secrets: { password: options.storedPassword ?? options.password ?? 'stoeptegel' },
  });
  return { org, account, address };
}

const poll = (organisationId: string, accountId: string) => pollNow(t, organisationId, accountId, 'INBOX');

function messagesOf(accountId: string) {
  return t.database.db.selectFrom('messages').selectAll().where('account_id', '=', accountId).orderBy('posted_at').orderBy('platform_id').execute();
}

function received(to: string) {
  return smtp.received.filter((mail) => mail.to.includes(to));
}

async function reply(org: { id: string }, accountId: string, messageId: string, text: string) {
  const admin = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
  const api = requestAs(t.app, await signIn(t.app, admin.email, admin.password));
  const response = await api('POST', '/api/v1/outbox', { accountId, kind: 'reply', text, replyToMessageId: messageId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

async function connectorAccountOf(organisationId: string, accountId: string): Promise<ConnectorAccount> {
  return buildConnectorAccount(KEYS, (await findAccount(t.database.db, organisationId, accountId))!);
}

describe('e-mail: binnenkomend via IMAP', () => {
  it('stores a resident mail once, with its thread and its attachments, without touching the mailbox', async () => {
    const { account, address, org } = await mailbox();
    const mail = await composeResidentMail({
      to: address,
      subject: 'Re: Uw melding 2026-118',
      inReplyTo: '<tussen@thuis.example>',
      references: '<melding-118@bergen.example> <tussen@thuis.example>',
      html: '<p>Zie de foto: <img src="cid:foto"></p>',
      attachments: [
        { filename: 'brief.pdf', content: LETTER_PDF, contentType: 'application/pdf' },
        { filename: 'foto.png', content: PIXEL_PNG, contentType: 'image/png', cid: 'foto' },
      ],
    });
    await dovecot.deliver(address, mail.raw);
    await t.worker.drain(); // the poll that adding the account queued

    const [stored, ...others] = await messagesOf(account.id);
    expect(others).toHaveLength(0);
    expect(stored).toMatchObject({
      platform_id: mail.messageId,
      direction: 'in',
      author_handle: 'anna@thuis.example',
      author_name: 'Anna de Vries',
      subject: 'Re: Uw melding 2026-118',
      reply_to_platform_id: 'tussen@thuis.example',
      thread_root_platform_id: 'melding-118@bergen.example',
      visibility: 'prive',
    });
    expect(stored!.text).toContain('Op de Dorpsstraat ligt een stoeptegel los.');
    const raw = stored!.raw as Record<string, string>;
    expect(raw['message-id']).toBe(`<${mail.messageId}>`);
    expect(raw.references).toContain('<melding-118@bergen.example>');
    // Headers only: the attachments stay in the mailbox and in the attachments table, not in raw.
    expect(JSON.stringify(raw).length).toBeLessThan(2_000);

    const files = await t.database.db.selectFrom('attachments').selectAll().where('message_id', '=', stored!.id).orderBy('filename').execute();
    expect(files.map((file) => [file.filename, file.content_type])).toEqual([
      ['brief.pdf', 'application/pdf'],
      ['foto.png', 'image/png'],
    ]);
    expect(Buffer.compare(files[0]!.content, LETTER_PDF)).toBe(0);
    expect(Buffer.compare(files[1]!.content, PIXEL_PNG)).toBe(0);
    const media = stored!.media as { type: string; attachmentId: string | null }[];
    expect(media.map((item) => item.type).sort()).toEqual(['file', 'image']);
    expect(media.every((item) => item.attachmentId)).toBe(true);

    // Cursor lost: the same mail is fetched again, and still stored once.
    await t.database.db.deleteFrom('channel_cursors').where('account_id', '=', account.id).execute();
    await poll(org.id, account.id);
    expect(fetched.get(account.id)).toEqual([1, 1]);
    expect(await messagesOf(account.id)).toHaveLength(1);
    // Staff's own mail client still shows it as unread.
    expect((await dovecot.mails(address))[0]!.flags).not.toContain('\\Seen');
  });

  it('fetches only new mail on the next poll, in batches, and starts over when UIDVALIDITY changes', async () => {
    const { account, address, org } = await mailbox();
    for (const subject of ['Eén', 'Twee']) await dovecot.deliver(address, (await composeResidentMail({ to: address, subject })).raw);
    await t.worker.drain();
    await dovecot.deliver(address, (await composeResidentMail({ to: address, subject: 'Drie' })).raw);
    await poll(org.id, account.id);
    await poll(org.id, account.id);
    expect(fetched.get(account.id)).toEqual([2, 1, 0]);
    expect((await messagesOf(account.id)).map((message) => message.subject)).toEqual(['Eén', 'Twee', 'Drie']);

    // 101 new mails: a batch of 100 and a follow-up poll at once for the rest.
    for (let i = 0; i < 101; i++) await dovecot.deliver(address, (await composeResidentMail({ to: address, subject: `Bulk ${i}` })).raw);
    await poll(org.id, account.id);
    expect(fetched.get(account.id)!.slice(3)).toEqual([100, 1]);
    expect(await messagesOf(account.id)).toHaveLength(104);

    // A rebuilt mailbox: old UIDs mean nothing any more, so everything is fetched again but stored once.
    await dovecot.resetInbox(address);
    await poll(org.id, account.id);
    expect(fetched.get(account.id)!.slice(5)).toEqual([100, 4]);
    expect(await messagesOf(account.id)).toHaveLength(104);
  });
});

describe('e-mail: antwoorden via SMTP', () => {
  it("round trip: a resident mails, the mail is in Plein, the reply arrives in the resident's thread", async () => {
    const { account, address, org } = await mailbox();
    const mail = await composeResidentMail({ to: address, subject: 'Lantaarnpaal kapot', references: '<ouder@thuis.example>' });
    await dovecot.deliver(address, mail.raw);
    await t.worker.drain();
    const [original] = await messagesOf(account.id);

    const outboxId = await reply(org, account.id, original!.id, 'Dank voor uw melding; we repareren de lantaarnpaal deze week.');
    await t.worker.drain();

    const [sent, ...extra] = received('anna@thuis.example').filter((entry) => entry.raw.includes(outboxId));
    expect(extra).toHaveLength(0);
    expect(sent!.from).toBe(address);
    const parsed = await simpleParser(sent!.raw);
    expect(parsed.subject).toBe('Re: Lantaarnpaal kapot');
    expect(parsed.inReplyTo).toBe(`<${mail.messageId}>`);
    expect(parsed.references).toEqual(['<ouder@thuis.example>', `<${mail.messageId}>`]);
    expect(parsed.messageId).toBe(`<plein-${outboxId}@bergen.example>`);
    expect(parsed.text).toContain('we repareren de lantaarnpaal');

    const item = await t.database.db.selectFrom('outbox').selectAll().where('id', '=', outboxId).executeTakeFirstOrThrow();
    expect(item).toMatchObject({ status: 'verzonden', platform_id: `plein-${outboxId}@bergen.example` });
    const copies = await dovecot.mails(address, 'Sent');
    expect(copies.filter((copy) => copy.source.includes(`<plein-${outboxId}@bergen.example>`))).toHaveLength(1);

    // The resident answers the reply: it lands in the same thread as the first mail and Plein's answer.
    const answer = await composeResidentMail({
      to: address,
      subject: 'Re: Lantaarnpaal kapot',
      date: new Date('2026-11-23T10:00:00+01:00'),
      inReplyTo: `<plein-${outboxId}@bergen.example>`,
      references: `<ouder@thuis.example> <${mail.messageId}> <plein-${outboxId}@bergen.example>`,
    });
    await dovecot.deliver(address, answer.raw);
    await poll(org.id, account.id);
    const thread = await messagesOf(account.id);
    expect(thread.map((message) => [message.direction, message.thread_root_platform_id])).toEqual([
      ['in', 'ouder@thuis.example'],
      ['uit', 'ouder@thuis.example'],
      ['in', 'ouder@thuis.example'],
    ]);
  });

  it('sends once when a crashed attempt already reached the server: the retry finds it in Sent', async () => {
    const { account, address, org } = await mailbox();
    await dovecot.deliver(address, (await composeResidentMail({ to: address, subject: 'Grofvuil' })).raw);
    await t.worker.drain();
    const [original] = await messagesOf(account.id);
    const outboxId = await reply(org, account.id, original!.id, 'Grofvuil haalt u op afspraak; bel 14 072.');

    // The first attempt got as far as the mail servers, then its worker died before recording it.
    const loaded = await loadOutboundRequest(t.database.db, org.id, outboxId);
    await emailConnector.send!(await connectorAccountOf(org.id, account.id), loaded!.request, { fetch, clock: t.clock });
    await t.database.db.updateTable('jobs').set({ attempts: 1 }).where('unique_key', '=', `versturen:${outboxId}`).execute();
    await t.worker.drain();

    expect(received('anna@thuis.example').filter((entry) => entry.raw.includes(`plein-${outboxId}@`))).toHaveLength(1);
    const item = await t.database.db.selectFrom('outbox').selectAll().where('id', '=', outboxId).executeTakeFirstOrThrow();
    expect(item).toMatchObject({ status: 'verzonden', platform_id: `plein-${outboxId}@bergen.example` });
    expect((await dovecot.mails(address, 'Sent')).filter((copy) => copy.source.includes(`plein-${outboxId}@`))).toHaveLength(1);
  });

  it('writes "Re:" once', () => {
    expect(replySubject('Stoeptegel')).toBe('Re: Stoeptegel');
    expect(replySubject('RE: Stoeptegel')).toBe('RE: Stoeptegel');
    expect(replySubject('Antw: Stoeptegel')).toBe('Antw: Stoeptegel');
    expect(replySubject(null)).toBe('Re: uw bericht');
  });
});

describe('e-mail: aanmelden', () => {
  it('marks an account with a refused password as needing attention and tells its owner', async () => {
    const { account, org } = await mailbox({ password: 'juist', storedPassword: 'fout' });
    await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
    await t.worker.drain();

    const row = await t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', account.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('aandacht-nodig');
    expect(row.last_error).toMatch(/IMAP-server weigert de gebruikersnaam of het wachtwoord/);
    const alerts = await t.database.db
      .selectFrom('jobs')
      .select('unique_key')
      .where('name', '=', 'mail.versturen')
      .where('unique_key', 'like', `kanaal-aandacht:${account.id}:%`)
      .execute();
    expect(alerts.length).toBeGreaterThan(0);
  });

  it('verify checks IMAP and SMTP and names what is wrong', async () => {
    const good = await mailbox();
    await expect(emailConnector.verify!(await connectorAccountOf(good.org.id, good.account.id), { fetch, clock: t.clock })).resolves.toEqual({});

    const wrong = await mailbox({ password: 'juist', storedPassword: 'fout' });
    const refused = await emailConnector.verify!(await connectorAccountOf(wrong.org.id, wrong.account.id), { fetch, clock: t.clock }).catch((error) => error);
    expect(refused).toBeInstanceOf(ChannelError);
    expect(refused.kind).toBe('auth');

    const target = await connectorAccountOf(good.org.id, good.account.id);
    const unreachable = await emailConnector.verify!({ ...target, settings: { ...target.settings, imapPort: 1 } }, { fetch, clock: t.clock }).catch(
      (error) => error,
    );
    expect(unreachable).toBeInstanceOf(ChannelError);
    expect(unreachable.kind).toBe('transient');
  });
});

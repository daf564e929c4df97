import { randomUUID } from 'node:crypto';
import { startDovecot, type TestDovecot } from '@test/dovecot';
import { buildChannelAccount, buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { pollNow } from '@test/kits/poll-now';
import { composeResidentMail } from '@test/kits/test-mails';
import { startSubmissionServer } from '@test/kits/test-smtp-server';
import { startTcpFaultProxy, type TcpFault, type TcpFaultProxy } from '@test/platforms/tcp-fault-proxy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 15, point 9, for e-mail: the IMAP server (Dovecot) and the SMTP server behind a TCP proxy that resets the
// connection, never greets, cuts it halfway through the session, or goes silent in the middle of an answer. The
// platform timeout is one second, so silence costs about that. Whatever broke, nothing is stored half or twice,
// the account says what happened, and the next attempt completes by itself.

let t: TestApp;
let dovecot: TestDovecot;
let smtp: Awaited<ReturnType<typeof startSubmissionServer>>;
let imapProxy: TcpFaultProxy;
let smtpProxy: TcpFaultProxy;
const passwords = new Map<string, string>();

beforeAll(async () => {
  [dovecot, smtp, t] = await Promise.all([
    startDovecot(),
    startSubmissionServer((user) => passwords.get(user)),
    createTestApp({ PLEIN_PLATFORM_TIMEOUT_SECONDS: '1' }),
  ]);
  [imapProxy, smtpProxy] = await Promise.all([startTcpFaultProxy(dovecot.port), startTcpFaultProxy(smtp.port)]);
});

afterAll(async () => {
  await Promise.all([imapProxy?.close(), smtpProxy?.close()]);
  await Promise.all([t?.close(), smtp?.close(), dovecot?.close()]);
});

// Cut or silent after the greeting (about 100 bytes) and part of the login's answer: in the middle of the session.
const MID_SESSION = 150;
// Each with what the account then says, after "De IMAP-server" or "De SMTP-server".
const FAULTS: [string, TcpFault, string][] = [
  ['een verbinding die meteen verbroken wordt', { kind: 'reset' }, 'verbrak de verbinding'],
  ['een server die niet groet', { kind: 'hang' }, 'gaf geen antwoord op tijd'],
  ['een verbinding die halverwege de sessie wegvalt', { kind: 'cut', afterBytes: MID_SESSION }, 'verbrak de verbinding'],
  ['een server die halverwege een antwoord stil blijft', { kind: 'stall', afterBytes: MID_SESSION }, 'gaf geen antwoord op tijd'],
];

async function mailbox() {
  const org = await buildOrganisation(t.database.db);
  const address = `storing-${randomUUID().slice(0, 8)}@bergen.example`;
  dovecot.addUser(address, 'stoeptegel');
  passwords.set(address, 'stoeptegel');
  const account = await buildChannelAccount(t.database.db, t.clock, org.id, {
    municipalityId: org.municipalities[0]!.id,
    channel: 'email',
    handle: address,
    settings: { imapHost: '127.0.0.1', imapPort: imapProxy.port, imapSecure: false, smtpHost: '127.0.0.1', smtpPort: smtpProxy.port, smtpSecure: false },
    secrets: { password: 'stoeptegel' },
  });
  const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
  const api = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
  await t.worker.drain();
  return { org, account, address, api };
}

const poll = (organisationId: string, accountId: string) => pollNow(t, organisationId, accountId, 'INBOX');

const messagesOf = (accountId: string) =>
  t.database.db.selectFrom('messages').select(['platform_id', 'direction']).where('account_id', '=', accountId).execute();

describe('e-mail achter een haperend netwerk: ophalen via IMAP', () => {
  it.each(FAULTS)('na %s: niets half bewaard, de fout getoond, daarna alles één keer', async (_title, fault, says) => {
    const { org, account, address, api } = await mailbox();
    const first = await composeResidentMail({ to: address, subject: 'Stoeptegel los' });
    const second = await composeResidentMail({ to: address, subject: 'Lantaarnpaal kapot' });
    await dovecot.deliver(address, first.raw);
    await dovecot.deliver(address, second.raw);

    imapProxy.inject(fault);
    await poll(org.id, account.id);
    expect(await messagesOf(account.id)).toEqual([]);
    const failed = (await api('GET', `/api/v1/channel-accounts/${account.id}`)).json();
    expect(failed).toMatchObject({ status: 'verbonden', lastError: expect.stringMatching(new RegExp(`^De IMAP-server ${says} \\(`)) });
    expect(failed.failingStreams).toEqual([{ stream: 'INBOX', error: failed.lastError, at: expect.any(String) }]);

    await poll(org.id, account.id);
    expect((await messagesOf(account.id)).map((message) => message.platform_id).sort()).toEqual([first.messageId, second.messageId].sort());
    expect((await api('GET', `/api/v1/channel-accounts/${account.id}`)).json()).toMatchObject({ lastError: null, failingStreams: [] });
    await poll(org.id, account.id);
    expect(await messagesOf(account.id)).toHaveLength(2);
  });
});

describe('e-mail achter een haperend netwerk: antwoorden via SMTP', () => {
  it.each(FAULTS)('na %s: het antwoord komt één keer aan', async (_title, fault, says) => {
    const { org, account, address, api } = await mailbox();
    await dovecot.deliver(address, (await composeResidentMail({ to: address, subject: 'Grofvuil' })).raw);
    await poll(org.id, account.id);
    const [question] = await t.database.db.selectFrom('messages').select('id').where('account_id', '=', account.id).execute();

    smtpProxy.inject(fault);
    const queued = await api('POST', '/api/v1/outbox', {
      accountId: account.id,
      kind: 'reply',
      replyToMessageId: question!.id,
      text: 'Grofvuil haalt u op afspraak.',
    });
    expect(queued.statusCode, queued.body).toBe(201);
    const outboxId = queued.json().id as string;
    await t.worker.drain();
    const failed = (await api('GET', `/api/v1/outbox/${outboxId}`)).json();
    expect(failed).toMatchObject({ status: 'wachtend', attempts: 1, lastError: expect.stringMatching(new RegExp(`^De SMTP-server ${says} \\(`)) });
    expect((await api('GET', `/api/v1/channel-accounts/${account.id}`)).json().failingStreams).toMatchObject([{ stream: 'versturen' }]);

    let item = failed;
    for (let minute = 0; minute < 5 && item.status === 'wachtend'; minute++) {
      t.clock.advance(60_000);
      await t.worker.drain();
      item = (await api('GET', `/api/v1/outbox/${outboxId}`)).json();
    }
    expect(item, item.lastError).toMatchObject({ status: 'verzonden' });
    expect(smtp.received.filter((mail) => mail.raw.includes(`plein-${outboxId}@`))).toHaveLength(1);
    expect((await api('GET', `/api/v1/channel-accounts/${account.id}`)).json()).toMatchObject({ failingStreams: [] });
  });
});

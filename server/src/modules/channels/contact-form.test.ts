import { buildChannelAccount, buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { startSmtpSink } from '@test/smtp-sink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHALLENGE_DIFFICULTY_BITS, countLeadingZeroBits, hashProofOfWork } from './contact-form.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

// What the resident's browser does: find a nonce whose hash starts with enough zero bits.
function solve(challenge: string, bits: number): string {
  for (let nonce = 0; ; nonce++) {
    if (countLeadingZeroBits(hashProofOfWork(challenge, String(nonce))) >= bits) return String(nonce);
  }
}

async function formFor() {
  const org = await buildOrganisation(t.database.db);
  const account = await buildChannelAccount(t.database.db, t.clock, org.id, {
    municipalityId: org.municipalities[1]!.id,
    channel: 'webformulier',
    handle: 'Contactformulier',
  });
  const base = `/api/v1/organisations/${org.slug}/municipalities/GM0383`;
  return { org, account, base };
}

async function challenge(base: string) {
  const response = await t.app.inject({ method: 'POST', url: `${base}/contact-challenges` });
  expect(response.statusCode).toBe(201);
  return response.json() as { challenge: string; difficulty: number };
}

const resident = {
  name: 'Sanne de Vries',
  email: 'sanne@example.nl',
  subject: 'Afvalkalender',
  message: 'Wanneer wordt het oud papier opgehaald in de Dorpsstraat?',
};

describe('openbaar contactformulier', () => {
  it('neemt een bericht zonder account aan, bevestigt per e-mail en bewaart het één keer', async () => {
    const { org, account, base } = await formFor();
    expect((await t.app.inject({ method: 'GET', url: `${base}/contact-form` })).json()).toMatchObject({ municipality: 'Castricum' });
    const { challenge: id, difficulty } = await challenge(base);
    expect(difficulty).toBe(CHALLENGE_DIFFICULTY_BITS);
    const nonce = solve(id, difficulty);
    const tooSoon = await t.app.inject({ method: 'POST', url: `${base}/contact`, payload: { ...resident, challenge: id, nonce } });
    expect(tooSoon.statusCode).toBe(429);
    t.clock.advance(20_000);
    const sent = await t.app.inject({ method: 'POST', url: `${base}/contact`, payload: { ...resident, challenge: id, nonce } });
    expect(sent.statusCode, sent.body).toBe(202);
    const again = await t.app.inject({ method: 'POST', url: `${base}/contact`, payload: { ...resident, challenge: id, nonce } });
    expect(again.statusCode).toBe(400);
    const stored = await t.database.db.selectFrom('messages').selectAll().where('account_id', '=', account.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ channel: 'webformulier', author_handle: 'sanne@example.nl', subject: 'Afvalkalender', visibility: 'prive' });
    const mails = await t.database.db.selectFrom('jobs').selectAll().where('organisation_id', '=', org.id).where('name', '=', 'mail.versturen').execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.payload).toMatchObject({ to: 'sanne@example.nl' });
  });

  it('geeft een herhaald verzoek met dezelfde Idempotency-Key het eerste antwoord en bewaart het bericht één keer', async () => {
    const { account, base } = await formFor();
    const { challenge: id, difficulty } = await challenge(base);
    t.clock.advance(20_000);
    const payload = { ...resident, challenge: id, nonce: solve(id, difficulty) };
    const send = () => t.app.inject({ method: 'POST', url: `${base}/contact`, headers: { 'idempotency-key': 'contactformulier-sanne-0001' }, payload });
    const first = await send();
    expect(first.statusCode, first.body).toBe(202);
    // Without the key the used challenge is refused; with it the resident who lost the answer hears it was received.
    const retry = await send();
    expect(retry.statusCode).toBe(202);
    expect(retry.json()).toEqual({ received: true });
    expect(await t.database.db.selectFrom('messages').selectAll().where('account_id', '=', account.id).execute()).toHaveLength(1);
  });

  it('weigert zonder geldig rekenwerk, houdt bots met het verborgen veld stil buiten de deur en legt nooit iets vast', async () => {
    const { account, base } = await formFor();
    const { challenge: id } = await challenge(base);
    t.clock.advance(20_000);
    const lazy = await t.app.inject({ method: 'POST', url: `${base}/contact`, payload: { ...resident, challenge: id, nonce: 'x' } });
    expect(lazy.statusCode).toBe(400);
    expect(lazy.json().detail).toContain('niet verstuurd');
    const bot = await t.app.inject({
      method: 'POST',
      url: `${base}/contact`,
      payload: { ...resident, website: 'https://spam.example', challenge: id, nonce: solve(id, CHALLENGE_DIFFICULTY_BITS) },
    });
    expect(bot.statusCode).toBe(202);
    const invalid = await t.app.inject({ method: 'POST', url: `${base}/contact`, payload: { email: 'geen-adres', message: 'hoi', challenge: id, nonce: '1' } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['email', 'message']));
    expect(await t.database.db.selectFrom('messages').select('id').where('account_id', '=', account.id).execute()).toHaveLength(0);
  });

  it('bestaat niet voor een gemeente zonder webformulier', async () => {
    const org = await buildOrganisation(t.database.db);
    const response = await t.app.inject({ method: 'POST', url: `/api/v1/organisations/${org.slug}/municipalities/GM0383/contact-challenges` });
    expect(response.statusCode).toBe(404);
  });
});

describe('antwoord op het webformulier', () => {
  it('gaat per e-mail naar de inwoner, als antwoord op het onderwerp; zonder SMTP mislukt het zichtbaar', async () => {
    const sink = await startSmtpSink();
    const withMail = await createTestApp({ SMTP_URL: sink.url });
    try {
      for (const [app, delivers] of [
        [withMail, true],
        [t, false],
      ] as const) {
        const org = await buildOrganisation(app.database.db);
        const account = await buildChannelAccount(app.database.db, app.clock, org.id, {
          municipalityId: org.municipalities[1]!.id,
          channel: 'webformulier',
          handle: 'Contact',
        });
        const base = `/api/v1/organisations/${org.slug}/municipalities/GM0383`;
        const { challenge: id } = (await app.app.inject({ method: 'POST', url: `${base}/contact-challenges` })).json();
        app.clock.advance(10_000);
        await app.app.inject({ method: 'POST', url: `${base}/contact`, payload: { ...resident, challenge: id, nonce: solve(id, CHALLENGE_DIFFICULTY_BITS) } });
        const message = await app.database.db.selectFrom('messages').select('id').where('account_id', '=', account.id).executeTakeFirstOrThrow();
        const agent = await buildUser(app.database.db, app.clock, org.id, { roles: ['kcc'], municipalityIds: [org.municipalities[1]!.id] });
        const api = requestAs(app.app, await signIn(app.app, agent.email, agent.password));
        const queued = await api('POST', '/api/v1/outbox', {
          accountId: account.id,
          kind: 'reply',
          replyToMessageId: message.id,
          text: 'Het oud papier wordt op dinsdag opgehaald.',
        });
        expect(queued.statusCode, queued.body).toBe(201);
        await app.worker.drain();
        const item = (await api('GET', `/api/v1/outbox/${queued.json().id}`)).json();
        if (delivers) {
          expect(item.status).toBe('verzonden');
          const mail = sink.received.find((received) => received.raw.includes('Het oud papier wordt op dinsdag opgehaald.'))!;
          expect(mail.to).toEqual(['sanne@example.nl']);
          expect(mail.raw).toContain('Subject: Re: Afvalkalender');
          expect(mail.raw).toContain(`Message-ID: <${item.platformId}>`);
          const sent = await app.database.db
            .selectFrom('messages')
            .select(['visibility', 'direction'])
            .where('platform_id', '=', item.platformId)
            .executeTakeFirstOrThrow();
          expect(sent).toEqual({ visibility: 'prive', direction: 'uit' });
        } else {
          expect(item).toMatchObject({ status: 'mislukt' });
          expect(item.lastError).toContain('SMTP_URL');
        }
      }
    } finally {
      await withMail.close();
      await sink.close();
    }
  });
});

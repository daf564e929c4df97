import { buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { startSmtpSink } from '@test/smtp-sink';
import { afterAll, beforeAll, expect, it } from 'vitest';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Plein <noreply@plein.test>' });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

function linkIn(raw: string): string {
  const unfolded = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const match = /http:\/\/plein\.test\/wachtwoord-herstellen#token=([\w.-]+)/.exec(unfolded);
  if (!match) throw new Error(`Geen herstellink in:\n${raw}`);
  return match[1]!;
}

it('stuurt een herstellink over SMTP die één keer werkt en oude sessies beëindigt', async () => {
  const org = await buildOrganisation(t.database.db);
  const user = await buildUser(t.database.db, t.clock, org.id, { roles: ['webcare'] });
  const oldSession = await signIn(t.app, user.email, user.password);
  const created = await requestAs(t.app, oldSession)('POST', '/api/v1/me/api-tokens', { name: 'Dashboard-koppeling' });
  expect(created.statusCode, created.body).toBe(201);
  const oldToken = requestAs(t.app, { bearer: created.json().token });
  expect((await oldToken('GET', '/api/v1/me')).statusCode).toBe(200);

  const request = await t.app.inject({ method: 'POST', url: '/api/v1/password-resets', payload: { email: user.email } });
  expect(request.statusCode).toBe(202);
  await t.worker.drain();
  const mail = smtp.received.find((m) => m.to.includes(user.email));
  expect(mail, 'e-mail ontvangen').toBeDefined();
  expect(mail!.raw).toContain('Subject: Nieuw wachtwoord instellen voor Plein');
  const token = linkIn(mail!.raw);

  const tooShort = await t.app.inject({ method: 'POST', url: '/api/v1/password-resets/confirmation', payload: { token, password: 'kort' } });
  expect(tooShort.statusCode).toBe(400);
  expect(tooShort.json().invalidParams[0].name).toBe('password');
  // Long enough, but a common password, a keyboard walk or a repeat is refused with the reason in Dutch.
  for (const weak of ['wachtwoord1234', 'qwertyuiop12', 'aaaaaaaaaaaa', '\u0000'.repeat(12)]) {
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/password-resets/confirmation', payload: { token, password: weak } });
    expect(refused.statusCode, weak).toBe(400);
    if (!weak.includes('\u0000')) {
      expect(refused.json()).toMatchObject({ code: 'wachtwoord-te-zwak', invalidParams: [{ name: 'password', code: 'te-zwak' }] });
      expect(refused.json().detail).toMatch(/raden|wachtwoord/i);
    }
  }

  const confirm = await t.app.inject({
    method: 'POST',
    url: '/api/v1/password-resets/confirmation',
    payload: { token, password: 'een-heel-nieuw-wachtwoord' },
  });
  expect(confirm.statusCode).toBe(204);
  expect((await requestAs(t.app, oldSession)('GET', '/api/v1/me')).statusCode).toBe(401);
  // Whoever knew the old password may have made a token with it: tokens end too, and the user is told which.
  expect((await oldToken('GET', '/api/v1/me')).statusCode).toBe(401);
  await t.worker.drain();
  const notice = smtp.received.find((m) => m.to.includes(user.email) && m.raw.includes('Subject: Uw API-tokens voor Plein zijn ingetrokken'));
  expect(notice, 'bericht over ingetrokken tokens').toBeDefined();
  expect(notice!.raw).toContain('Dashboard-koppeling');
  await signIn(t.app, user.email, 'een-heel-nieuw-wachtwoord');
  await expect(signIn(t.app, user.email, user.password)).rejects.toThrow(/401/);

  const reuse = await t.app.inject({ method: 'POST', url: '/api/v1/password-resets/confirmation', payload: { token, password: 'nog-een-ander-wachtwoord' } });
  expect(reuse.statusCode).toBe(400);
  expect(reuse.json().code).toBe('herstellink-ongeldig');
});

it('verraadt niet of een adres bestaat en de link verloopt na een uur', async () => {
  const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/password-resets', payload: { email: 'onbekend@example.nl' } });
  expect(unknown.statusCode).toBe(202);

  const org = await buildOrganisation(t.database.db);
  const user = await buildUser(t.database.db, t.clock, org.id);
  const known = await t.app.inject({ method: 'POST', url: '/api/v1/password-resets', payload: { email: user.email } });
  expect(known.json()).toEqual(unknown.json());
  await t.worker.drain();
  const token = linkIn(smtp.received.find((m) => m.to.includes(user.email))!.raw);
  t.clock.advance(61 * 60_000);
  const late = await t.app.inject({ method: 'POST', url: '/api/v1/password-resets/confirmation', payload: { token, password: 'een-heel-nieuw-wachtwoord' } });
  expect(late.statusCode).toBe(400);
  expect(late.json().detail).toMatch(/verlopen/);
});

it('laat oude sessies niet herleven als een geblokkeerde gebruiker weer actief wordt', async () => {
  const org = await buildOrganisation(t.database.db);
  const admin = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
  const user = await buildUser(t.database.db, t.clock, org.id, { roles: ['webcare'] });
  const asAdmin = requestAs(t.app, await signIn(t.app, admin.email, admin.password));
  const oldSession = requestAs(t.app, await signIn(t.app, user.email, user.password));
  expect((await oldSession('GET', '/api/v1/me')).statusCode).toBe(200);

  expect((await asAdmin('PATCH', `/api/v1/users/${user.id}`, { active: false })).statusCode).toBe(200);
  expect((await oldSession('GET', '/api/v1/me')).statusCode).toBe(401);
  expect((await asAdmin('PATCH', `/api/v1/users/${user.id}`, { active: true })).statusCode).toBe(200);
  expect((await oldSession('GET', '/api/v1/me')).statusCode).toBe(401);
  await signIn(t.app, user.email, user.password);
});

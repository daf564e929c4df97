import { buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { setUpInbox } from '@test/kits/conversation-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('partners voor overdracht (Beheer)', () => {
  it('voegt toe, wijzigt en verwijdert, met de audit erbij', async () => {
    const { org, castricum, admin } = await setUpInbox(t);
    const created = await admin('POST', '/api/v1/handoff-partners', {
      name: '  Woonstichting Kennemer  ',
      email: 'vragen@woonstichting.example.nl',
      municipalityId: castricum.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const partner = created.json();
    expect(partner).toMatchObject({ name: 'Woonstichting Kennemer', email: 'vragen@woonstichting.example.nl', municipalityId: castricum.id, answerDays: 5 });

    const duplicate = await admin('POST', '/api/v1/handoff-partners', { name: 'Woonstichting Kennemer', email: 'ander@example.nl' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'partner-bestaat-al' });

    const changed = await admin('PATCH', `/api/v1/handoff-partners/${partner.id}`, { answerDays: 3, municipalityId: null });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ answerDays: 3, municipalityId: null });
    expect((await admin('GET', '/api/v1/handoff-partners')).json()).toMatchObject([{ id: partner.id, answerDays: 3 }]);

    expect((await admin('DELETE', `/api/v1/handoff-partners/${partner.id}`)).statusCode).toBe(204);
    expect((await admin('GET', '/api/v1/handoff-partners')).json()).toEqual([]);
    expect((await admin('DELETE', `/api/v1/handoff-partners/${partner.id}`)).statusCode).toBe(404);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('organisation_id', '=', org.id)
      .where('record_type', '=', 'overdrachtpartner')
      .execute();
    expect(audit.map((row) => row.action).sort()).toEqual(['partner.aangemaakt', 'partner.gewijzigd', 'partner.verwijderd']);
  });

  it('weigert ongeldige invoer in het Nederlands', async () => {
    const { admin } = await setUpInbox(t);
    const stranger = await setUpInbox(t);
    const cases: Array<[object, string]> = [
      [{ email: 'a@example.nl' }, 'name'],
      [{ name: 'Politie', email: 'geen-adres' }, 'email'],
      [{ name: 'Politie', email: 'a@example.nl', answerDays: 0 }, 'answerDays'],
      [{ name: 'Politie', email: 'a@example.nl', answerDays: 2.5 }, 'answerDays'],
      [{ name: '<b>Politie</b>', email: 'a@example.nl' }, 'name'],
      [{ name: 'Politie', email: 'a@example.nl', municipalityId: stranger.castricum.id }, 'municipalityId'],
    ];
    for (const [body, field] of cases) {
      const response = await admin('POST', '/api/v1/handoff-partners', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().title).toBe('Ongeldige invoer');
      expect(
        response.json().invalidParams.map((p: { name: string }) => p.name),
        JSON.stringify(body),
      ).toContain(field);
    }
    const partner = (await admin('POST', '/api/v1/handoff-partners', { name: 'Omgevingsdienst', email: 'od@example.nl' })).json();
    expect((await admin('PATCH', `/api/v1/handoff-partners/${partner.id}`, { email: 'fout' })).statusCode).toBe(400);
  });

  it('is per organisatie, vraagt inloggen en alleen beheer en communicatie wijzigen', async () => {
    const { org, admin } = await setUpInbox(t);
    const partner = (await admin('POST', '/api/v1/handoff-partners', { name: 'Waterschap', email: 'ws@example.nl' })).json();
    const stranger = await setUpInbox(t);
    expect((await stranger.admin('GET', '/api/v1/handoff-partners')).json()).toEqual([]);
    expect((await stranger.admin('PATCH', `/api/v1/handoff-partners/${partner.id}`, { answerDays: 9 })).statusCode).toBe(404);
    expect((await stranger.admin('DELETE', `/api/v1/handoff-partners/${partner.id}`)).statusCode).toBe(404);

    const anonymous = requestAs(t.app, null);
    expect((await anonymous('GET', '/api/v1/handoff-partners')).statusCode).toBe(401);
    expect((await anonymous('POST', '/api/v1/handoff-partners', { name: 'X', email: 'x@example.nl' })).statusCode).toBe(401);

    const kcc = await buildUser(t.database.db, t.clock, org.id, { roles: ['kcc'] });
    const asKcc = requestAs(t.app, await signIn(t.app, kcc.email, kcc.password));
    expect((await asKcc('GET', '/api/v1/handoff-partners')).statusCode).toBe(200);
    expect((await asKcc('POST', '/api/v1/handoff-partners', { name: 'Politie', email: 'p@example.nl' })).statusCode).toBe(403);
  });
});

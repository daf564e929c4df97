import { buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('categorieën beheren', () => {
  it('een beheerder voegt een subcategorie toe en wijzigt haar; bestaande meldingen houden hun belofte', async () => {
    const org = await buildOrganisation(t.database.db);
    const admin = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
    const api = requestAs(t.app, await signIn(t.app, admin.email, admin.password));
    const all = (await api('GET', '/api/v1/melding-categories')).json();
    const wegen = all.find((c: { code: string }) => c.code === 'wegen');
    const created = await api('POST', '/api/v1/melding-categories', {
      parentId: wegen.id,
      code: 'wegen-fietspad',
      publicName: 'Fietspad beschadigd',
      departments: ['Wegen'],
      termijnDays: 3,
      termijnKind: 'werkdagen',
      servicePromise: 'Binnen 3 werkdagen repareren we het fietspad of zetten we het af.',
      extraQuestions: [{ key: 'gevaarlijk', label: 'Is het gevaarlijk?', type: 'yesno', required: true }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const category = created.json();
    // Residents can choose it at once, with its question.
    const base = `/api/v1/organisations/${org.slug}/municipalities/GM0383`;
    const filed = await t.app.inject({
      method: 'POST',
      url: `${base}/meldingen`,
      payload: { categoryId: category.id, description: 'Gat in het fietspad', lat: 52.548, lon: 4.669, answers: { gevaarlijk: true } },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json().servicePromise).toContain('3 werkdagen');

    const changed = await api('PATCH', `/api/v1/melding-categories/${category.id}`, { servicePromise: 'Nieuwe belofte', active: false });
    expect(changed.json()).toMatchObject({ servicePromise: 'Nieuwe belofte', active: false });
    const [melding] = (await api('GET', '/api/v1/meldingen')).json();
    expect(melding.servicePromise).toContain('3 werkdagen');
    // Inactive: no longer offered to residents.
    const publicList = (await t.app.inject({ method: 'GET', url: `${base}/melding-categories` })).json().categories;
    expect(publicList.some((c: { id: string }) => c.id === category.id)).toBe(false);
    const audit = (await api('GET', `/api/v1/audit-log?recordId=${category.id}`)).json();
    expect(audit.entries.map((e: { action: string }) => e.action)).toEqual(['meldingcategorie.gewijzigd', 'meldingcategorie.aangemaakt']);
  });

  it('weigert een derde niveau, een dubbele code en een keuzevraag zonder keuzes; alleen een beheerder mag dit', async () => {
    const org = await buildOrganisation(t.database.db);
    const admin = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
    const api = requestAs(t.app, await signIn(t.app, admin.email, admin.password));
    const all = (await api('GET', '/api/v1/melding-categories')).json();
    const sub = all.find((c: { code: string }) => c.code === 'wegen-bestrating');
    const base = { code: 'nieuw-x', publicName: 'Nieuw', termijnDays: 5, termijnKind: 'werkdagen' };
    expect((await api('POST', '/api/v1/melding-categories', { ...base, parentId: sub.id })).json().code).toBe('ongeldige-hoofdcategorie');
    expect((await api('POST', '/api/v1/melding-categories', { ...base, code: 'wegen' })).statusCode).toBe(409);
    const noChoices = await api('POST', '/api/v1/melding-categories', {
      ...base,
      extraQuestions: [{ key: 'k', label: 'Welke?', type: 'choice', required: true, choices: ['Eén'] }],
    });
    expect(noChoices.statusCode).toBe(400);
    const kcc = await buildUser(t.database.db, t.clock, org.id, { roles: ['kcc'] });
    const asKcc = requestAs(t.app, await signIn(t.app, kcc.email, kcc.password));
    expect((await asKcc('POST', '/api/v1/melding-categories', base)).statusCode).toBe(403);
    expect((await asKcc('GET', '/api/v1/melding-categories')).statusCode).toBe(200);
  });
});

import { buildChannelAccount, buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function setup() {
  const org = await buildOrganisation(t.database.db);
  const castricum = org.municipalities.find((m) => m.cbs_code === 'GM0383')!;
  const account = await buildChannelAccount(t.database.db, t.clock, org.id, {
    municipalityId: castricum.id,
    channel: 'gesimuleerd',
    settings: { scenario: 'alledaags' },
  });
  const as = async (roles: ('beheerder' | 'webcare' | 'bestuurder')[]) => {
    const user = await buildUser(t.database.db, t.clock, org.id, { roles, municipalityIds: [castricum.id] });
    return requestAs(t.app, await signIn(t.app, user.email, user.password));
  };
  return { org, account, url: `/api/v1/channel-accounts/${account.id}/office-hours`, admin: await as(['beheerder']), as };
}

const weekdays = (from: string, to: string) =>
  Object.fromEntries(['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag'].map((day) => [day, [{ from, to }]]));

const kantoor = {
  week: weekdays('09:00', '17:00'),
  exceptions: [{ date: '2026-12-24', hours: [{ from: '09:00', to: '12:00' }], description: 'Kerstavond' }],
  firstResponse: { minutes: 120, counting: 'openingstijden' },
  resolution: { minutes: 480, counting: 'openingstijden' },
  acknowledgement: { enabled: true, text: 'Bedankt! We zijn gesloten; u krijgt uiterlijk {antwoordmoment} antwoord.' },
};

describe('openingstijden en normen van een kanaalaccount', () => {
  it('toont standaardwaarden zolang niets is ingesteld', async () => {
    const { url, admin } = await setup();
    const response = await admin('GET', url);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      configured: false,
      timeZone: 'Europe/Amsterdam',
      alwaysOpen: false,
      holidaysClosed: true,
      firstResponse: null,
      resolution: null,
      acknowledgement: { enabled: false, text: expect.stringContaining('{antwoordmoment}') },
      updatedAt: null,
    });
    expect(response.json().week).toMatchObject({ maandag: [{ from: '09:00', to: '17:00' }], zaterdag: [], zondag: [] });
    expect(response.json().upcomingHolidays).toContain('2026-12-25');
  });

  it('slaat kantoortijden met uitzonderingen en normen op, en een 24×7-account van Rotterdam', async () => {
    const { url, admin } = await setup();
    const saved = await admin('PUT', url, kantoor);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ configured: true, ...kantoor, week: { ...kantoor.week, zaterdag: [], zondag: [] }, updatedAt: expect.any(String) });
    expect((await admin('GET', url)).json()).toMatchObject({ configured: true, firstResponse: kantoor.firstResponse, exceptions: kantoor.exceptions });

    const rotterdam = await admin('PUT', url, {
      alwaysOpen: true,
      holidaysClosed: false,
      week: {},
      firstResponse: { minutes: 120, counting: 'altijd' },
      resolution: null,
      acknowledgement: { enabled: false, text: 'U krijgt uiterlijk {antwoordmoment} antwoord.' },
    });
    expect(rotterdam.statusCode, rotterdam.body).toBe(200);
    expect(rotterdam.json()).toMatchObject({ alwaysOpen: true, openNow: true, upcomingHolidays: [], firstResponse: { minutes: 120, counting: 'altijd' } });
  });

  it('weigert onjuiste tijden in het Nederlands en slaat dan niets op', async () => {
    const { url, admin } = await setup();
    await admin('PUT', url, kantoor);
    const refused = async (change: Record<string, unknown>, field: string, reason: RegExp) => {
      const response = await admin('PUT', url, { ...kantoor, ...change });
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json();
      expect(problem.title).toBe('Ongeldige invoer');
      const param = problem.invalidParams.find((p: { name: string }) => p.name === field);
      expect(param, `${field} in ${response.body}`).toBeDefined();
      expect(param.reason).toMatch(reason);
    };
    await refused(
      {
        week: {
          maandag: [
            { from: '09:00', to: '13:00' },
            { from: '12:00', to: '17:00' },
          ],
        },
      },
      'week.maandag.1',
      /12:00–17:00 overlapt met 09:00–13:00/,
    );
    await refused({ week: { dinsdag: [{ from: '09:00', to: '25:00' }] } }, 'week.dinsdag.0.to', /00:00 tot en met 24:00/);
    await refused({ week: { woensdag: [{ from: '17:00', to: '09:00' }] } }, 'week.woensdag.0.to', /einde moet na het begin/);
    await refused({ week: { vrijdagg: [{ from: '09:00', to: '17:00' }] } }, 'week', /Onbekende weekdag.*vrijdagg/);
    await refused({ exceptions: [{ date: '2026-02-30', hours: [] }] }, 'exceptions.0.date', /bestaat niet/);
    await refused(
      {
        exceptions: [
          { date: '2026-12-24', hours: [] },
          { date: '2026-12-24', hours: [] },
        ],
      },
      'exceptions.1.date',
      /twee keer/,
    );
    await refused({ timeZone: 'Europe/Castricum' }, 'timeZone', /Onbekende tijdzone/);
    await refused({ firstResponse: { minutes: 0, counting: 'openingstijden' } }, 'firstResponse.minutes', /minstens 1 minuut/);
    await refused({ acknowledgement: { enabled: true, text: 'We zijn dicht.' } }, 'acknowledgement.text', /\{antwoordmoment\}/);
    await refused({ acknowledgement: { enabled: true, text: 'Uiterlijk {antwoordmoment}, {naam}.' } }, 'acknowledgement.text', /Alleen \{antwoordmoment\}/);
    await refused({ firstResponse: null }, 'acknowledgement.enabled', /norm voor de eerste reactie/);
    await refused({ week: {} }, 'week', /Geef openingstijden op/);
    expect((await admin('GET', url)).json()).toMatchObject({
      week: { dinsdag: [{ from: '09:00', to: '17:00' }], maandag: [{ from: '09:00', to: '17:00' }] },
      exceptions: kantoor.exceptions,
    });
  });

  it('webcare leest, alleen een beheerder wijzigt, en een andere organisatie ziet niets', async () => {
    const { url, as } = await setup();
    const webcare = await as(['webcare']);
    expect((await webcare('GET', url)).statusCode).toBe(200);
    expect((await webcare('PUT', url, kantoor)).statusCode).toBe(403);
    expect((await (await as(['bestuurder']))('GET', url)).statusCode).toBe(403);
    const stranger = await setup();
    expect((await stranger.admin('GET', url)).statusCode).toBe(404);
    expect((await stranger.admin('PUT', url, kantoor)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });
});

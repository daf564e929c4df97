import { buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { afterAll, beforeAll, expect, it } from 'vitest';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const HOUR = 3_600_000;

it('beëindigt een sessie na acht uur niets doen, en hoe druk ook twaalf uur na het inloggen', async () => {
  const org = await buildOrganisation(t.database.db);
  const user = await buildUser(t.database.db, t.clock, org.id, { roles: ['webcare'] });

  const busy = requestAs(t.app, await signIn(t.app, user.email, user.password));
  for (let hour = 1; hour <= 11; hour++) {
    t.clock.advance(HOUR);
    expect((await busy('GET', '/api/v1/me')).statusCode, `na ${hour} uur`).toBe(200);
  }
  t.clock.advance(HOUR);
  expect((await busy('GET', '/api/v1/me')).statusCode, 'na twaalf uur').toBe(401);

  const idle = requestAs(t.app, await signIn(t.app, user.email, user.password));
  t.clock.advance(7 * HOUR);
  expect((await idle('GET', '/api/v1/me')).statusCode).toBe(200);
  t.clock.advance(8 * HOUR + 60_000);
  expect((await idle('GET', '/api/v1/me')).statusCode).toBe(401);
});

import { createTestApp, type TestApp } from '@test/harness';
import { afterAll, beforeAll, expect, it } from 'vitest';

// Its own app: the per-address limit counts every sign-in attempt of the process.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

it('remt inlogpogingen vanaf één adres, ook voor adressen zonder account', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 22; i++) {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: `onbekend-${i}@example.nl`, password: 'geraden' } });
    statuses.push(response.statusCode);
    if (response.statusCode === 429) {
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('te-veel-verzoeken');
      expect(response.headers['retry-after']).toBeDefined();
    }
  }
  expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
  expect(statuses.slice(20)).toEqual([429, 429]);
  // Another address is not affected.
  const other = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    remoteAddress: '192.0.2.77',
    payload: { email: 'x@example.nl', password: 'geraden' },
  });
  expect(other.statusCode).toBe(401);
});

it('remt aanvragen voor een nieuw wachtwoord', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/password-resets',
      remoteAddress: '192.0.2.88',
      payload: { email: `iemand-${i}@example.nl` },
    });
    statuses.push(response.statusCode);
  }
  expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
});

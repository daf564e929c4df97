import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const METRICS_TOKEN = 'prometheus-scrape-token-1234';
let t: TestApp;
const logLines: string[] = [];

beforeAll(async () => {
  const logStream = new Writable({
    write(chunk, _encoding, callback) {
      logLines.push(chunk.toString());
      callback();
    },
  });
  t = await createTestApp(
    { PLEIN_LOG_LEVEL: 'info', PLEIN_BODY_LIMIT: '2048', PLEIN_CONTACT_EMAIL: 'toegankelijkheid@gemeente.example', PLEIN_METRICS_TOKEN: METRICS_TOKEN },
    { logStream },
  );
});
afterAll(async () => t.close());

describe('HTTP volgens de API Design Rules', () => {
  it('geeft 405 met Allow voor een bekende route met een andere methode', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: '/api/v1/users' });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD, POST');
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('methode-niet-toegestaan');
    const withId = await t.app.inject({ method: 'PUT', url: '/api/v1/users/5f0c7a52-2f6b-4a4e-9d51-0d1c1d6e7a11' });
    expect(withId.statusCode).toBe(405);
    expect(withId.headers.allow).toBe('GET, HEAD, PATCH');
  });

  it('stuurt API-Version, een request-id en beveiligingsheaders mee', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { 'x-request-id': 'test-verzoek-123' } });
    expect(response.headers['api-version']).toBe('1.0.0');
    expect(response.headers['x-request-id']).toBe('test-verzoek-123');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    const generated = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('kent geen trailing slash en geeft onbekende API-adressen als problem+json', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/users/' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('weigert kapotte JSON, een verkeerd mediatype en te grote inhoud met een Nederlandse fout', async () => {
    const broken = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', headers: { 'content-type': 'application/json' }, payload: '{"email": ' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'ongeldige-json', detail: 'De inhoud is geen geldige JSON.' });
    const wrongType = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', headers: { 'content-type': 'text/plain' }, payload: 'hallo' });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().code).toBe('mediatype-niet-ondersteund');
    const large = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: 'a@b.nl', password: 'x'.repeat(5000) } });
    expect(large.statusCode).toBe(413);
    expect(large.json().code).toBe('te-groot');
  });

  it('noemt het veld bij ongeldige invoer en onbekende velden', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: 'geen-adres', password: 'x', extra: true } });
    expect(response.statusCode).toBe(400);
    const names = response.json().invalidParams.map((p: { name: string }) => p.name);
    expect(names).toContain('email');
    expect(JSON.stringify(response.json())).toContain('extra');
    expect(response.json().detail).toMatch(/Ongeldig|ongeldig|onbekend|Onbekend|Onherkend/);
  });

  it('publiceert de OpenAPI zonder inloggen, en die voldoet aan de Spectral-regels van de API Design Rules', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toContain('/users/{id}');
    const dir = mkdtempSync(join(tmpdir(), 'plein-oas-'));
    const file = join(dir, 'openapi.json');
    writeFileSync(file, response.body);
    const ruleset = join(process.cwd(), 'test', 'conformance', 'nlgov-api-design-rules', 'ruleset.yaml');
    expect(existsSync(ruleset), `Spectral-regels niet gevonden op ${ruleset}`).toBe(true);
    const lint = spawnSync(
      process.execPath,
      ['node_modules/@stoplight/spectral-cli/dist/index.js', 'lint', '-r', ruleset, '-f', 'json', '--fail-severity', 'error', file],
      { encoding: 'utf8' },
    );
    const results = JSON.parse(lint.stdout || '[]') as Array<{ severity: number; code: string; message: string; path: string[] }>;
    const errors = results.filter((r) => r.severity === 0).map((r) => `${r.code}: ${r.message} @ ${r.path.join('.')}`);
    expect(errors).toEqual([]);
    expect(lint.status).toBe(0);
  });

  it('biedt bladerbare API-documentatie op /api/docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger');
  });

  it('vertelt openbaar wie de installatie beheert', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/installation' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ name: 'Plein', apiVersion: '1.0.0', contactEmail: 'toegankelijkheid@gemeente.example' });
  });

  it('heeft /healthz, /readyz en Prometheus-metrieken', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    // Not for anyone: without the operator's token /metrics answers 401.
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer een-ander-token-van-lengte' } })).statusCode).toBe(401);
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('plein_http_requests_total{method="GET",route="/healthz",status="200"}');
    expect(metrics.body).toContain('plein_process_cpu_user_seconds_total');
  });

  it('logt gestructureerd met request-id en zonder persoonsgegevens', async () => {
    const org = await buildOrganisation(t.database.db);
    const user = await buildUser(t.database.db, t.clock, org.id, { email: `geheim-${Date.now()}@example.nl` });
    const session = await signIn(t.app, user.email, user.password);
    await t.app.inject({ method: 'POST', url: '/api/v1/sessions?email=lek@example.nl', payload: { email: user.email, password: 'fout-wachtwoord-zichtbaar' } });
    await requestAs(t.app, session)('GET', '/api/v1/me');
    const all = logLines.join('');
    expect(all).toContain('"reqId"');
    expect(all).not.toContain(user.email);
    expect(all).not.toContain('lek@example.nl');
    expect(all).not.toContain('fout-wachtwoord-zichtbaar');
    expect(all).not.toContain(session.cookie.split('=')[1]!);
  });
});

describe('ongeldige invoer verandert niets', () => {
  it('willekeurige inhoud bij gebruiker aanmaken geeft nooit 5xx en maakt niemand aan', async () => {
    const org = await buildOrganisation(t.database.db);
    const admin = await buildUser(t.database.db, t.clock, org.id);
    const api = requestAs(t.app, await signIn(t.app, admin.email, admin.password));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({ email: fc.string(), name: fc.anything(), roles: fc.array(fc.string()), municipalityIds: fc.array(fc.string()) }, { requiredKeys: [] }),
        ),
        async (body) => {
          const response = await api('POST', '/api/v1/users', body === undefined ? null : body);
          expect(response.statusCode).toBeLessThan(500);
          expect(response.statusCode).not.toBe(201);
        },
      ),
      { numRuns: 60 },
    );
    const users = await api('GET', '/api/v1/users');
    expect(users.json()).toHaveLength(1);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '@platform/clock.service';
import { type Config, loadConfig } from '@platform/config.service';
import { type DatabaseHandle, openDatabase } from '@platform/db/database.client';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { DestinationStream } from 'pino';
import { createRuntime, type Runtime } from '../server/src/runtime';
import { TEST_SECRET_KEY } from './factories';
import { derivePgTemplateName, getServerUrl, runAdminStatementOn } from './pg-admin';

export interface TestApp extends Runtime {
  clock: ManualClock;
  config: Config;
}

// Each test file gets a database of its own, on PostgreSQL as on PGlite: jobs, schedules and the channel
// planner work across organisations, so two files sharing one database would run each other's jobs.
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) return createServerDatabase(derivePgTemplateName(process.env.DATABASE_URL));
  const template = readFileSync(join(process.cwd(), '.tmp', 'pglite-template.tar.gz'));
  return openDatabase({ template: new Blob([template]) });
}

// A database of its own, of the kind the suite runs on, for tests that need an empty one.
export async function openScratchDatabase(): Promise<DatabaseHandle> {
  if (!process.env.DATABASE_URL) return openDatabase({});
  return createServerDatabase(null);
}

async function createServerDatabase(template: string | null): Promise<DatabaseHandle> {
  const server = getServerUrl(process.env.DATABASE_URL!);
  const name = `plein_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await runAdminStatementOn(server, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const handle = await openDatabase({ databaseUrl: `${server}/${name}` });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await runAdminStatementOn(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export const LOCAL_PLATFORMS = '127.0.0.0/8,::1';

// One real app on a real database per test file; each test makes its own organisations, so they never collide.
export async function createTestApp(
  env: Record<string, string> = {},
  options: { logStream?: DestinationStream; wrapOutboundFetch?: (guarded: typeof fetch) => typeof fetch } = {},
): Promise<TestApp> {
  const config = loadConfig({
    PLEIN_LOG_LEVEL: 'silent',
    PLEIN_DEMO: '0',
    PORT: '0',
    PUBLIC_URL: 'http://plein.test',
    PLEIN_SECRET_KEY: TEST_SECRET_KEY.toString('hex'),
    // The platforms' local stand-ins (PDS, Mastodon, Dovecot, the OpenID provider) listen on this machine.
    PLEIN_OUTBOUND_ALLOW: LOCAL_PLATFORMS,
    ...env,
  });
  const clock = new ManualClock(new Date('2026-11-23T09:00:00+01:00'));
  const runtime = await createRuntime(config, { clock, database: await openTestDatabase(), ...options });
  await runtime.app.ready();
  return { ...runtime, clock, config };
}

export interface SignedIn {
  cookie: string;
  csrfToken: string;
  userId: string;
}

export async function signIn(app: FastifyInstance, email: string, password: string, organisation?: string): Promise<SignedIn> {
  // Every test person signs in from an address of their own, so a busy test file does not run into the
  // per-address sign-in limit meant for password guessers (login-rate-limit.test.ts tests that limit).
  const remoteAddress = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
  const response = await app.inject({ method: 'POST', url: '/api/v1/sessions', remoteAddress, payload: { email, password, organisation } });
  if (response.statusCode !== 201) throw new Error(`Inloggen mislukt (${response.statusCode}): ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'plein_sessie');
  if (!cookie) throw new Error('Geen sessiecookie');
  const body = response.json();
  return { cookie: `plein_sessie=${cookie.value}`, csrfToken: body.csrfToken, userId: body.user.id };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

// Sends a request as a signed-in person, the way the web app does (cookie plus CSRF header).
export function requestAs(app: FastifyInstance, who: SignedIn | { bearer: string } | null) {
  return (method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse> => {
    const headers: Record<string, string> = {};
    if (who && 'bearer' in who) headers.authorization = `Bearer ${who.bearer}`;
    else if (who) {
      headers.cookie = who.cookie;
      headers['x-csrf-token'] = who.csrfToken;
    }
    return app.inject({ method, url, headers, ...(payload !== undefined && { payload: payload as object }) });
  };
}

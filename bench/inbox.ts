// bench/inbox: a werkorganisatie's inbox with many conversations over four municipalities (1,000,000
// with 100,000 open at full size). Measures the p95 of the inbox list, a filter and a text search through
// the API (authentication, validation, the newest messages per conversation, JSON), and in the same run
// the same repository query straight against the database: the floor the API cannot go below.
// Uses DATABASE_URL when set (PostgreSQL), otherwise the embedded PGlite.

import { createApiToken } from '@platform/auth/auth.service';
import { systemClock } from '@platform/clock.service';
import { loadConfig } from '@platform/config.service';
import { cliOrigin } from '@platform/context.service';
import { openDatabase } from '@platform/db/database.client';
import { createOrganisation } from '@platform/organisations/organisations.service';
import { createUser } from '@platform/users/users.service';
import { sql } from 'kysely';
import { makeOperatorActor } from '../server/src/cli/operator.service';
import { insertAccount } from '../server/src/modules/channels/accounts.repository';
import { findConversations, findRecentMessages } from '../server/src/modules/inbox/conversations.repository';
import { createRuntime } from '../server/src/runtime';

const ROUNDS = 40;
const WORDS = [
  'afval',
  'container',
  'lantaarnpaal',
  'parkeervergunning',
  'paspoort',
  'hondenbelasting',
  'grofvuil',
  'stoeptegel',
  'speeltuin',
  'geluidsoverlast',
];

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

async function time(rounds: number, run: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

export async function benchInbox(total: number) {
  const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
  const config = loadConfig({
    PLEIN_LOG_LEVEL: 'silent',
    PLEIN_DEMO: '0',
    PLEIN_WORKERS: '0',
    PORT: '0',
    PUBLIC_URL: 'http://bench.plein',
    DATABASE_URL: process.env.DATABASE_URL ?? '',
  });
  const runtime = await createRuntime(config, { database: handle });
  try {
    const db = handle.db;
    const { organisation, municipalities } = await createOrganisation(db, {
      slug: `bench-inbox-${Date.now().toString(36)}`,
      name: 'Bench inbox',
      municipalities: [
        { name: 'Bergen', cbsCode: 'GM0373', inhabitants: 29_900 },
        { name: 'Uitgeest', cbsCode: 'GM0450', inhabitants: 13_600 },
        { name: 'Castricum', cbsCode: 'GM0383', inhabitants: 36_500 },
        { name: 'Heiloo', cbsCode: 'GM0399', inhabitants: 24_300 },
      ],
    });
    const accounts = [];
    for (const municipality of municipalities) {
      accounts.push(
        await insertAccount(db, organisation.id, {
          municipality_id: municipality.id,
          channel: 'x',
          handle: `gemeente-${municipality.cbs_code}`,
          settings: JSON.stringify({}),
          secrets_sealed: null,
          service_url: null,
          owner_user_id: null,
        }),
      );
    }
    const ctx = { db, clock: systemClock, actor: makeOperatorActor(organisation.id), origin: cliOrigin };
    const user = await createUser(ctx, {
      email: 'bench@example.nl',
      name: 'Bench',
      roles: ['beheerder'],
      municipalityIds: [],
      password: 'bench-wachtwoord-lang-genoeg',
    });
    const token = (await createApiToken({ ...ctx, actor: { ...ctx.actor, userId: user.id, name: user.name, email: user.email } }, 'bench')).token;

    // Generated in the database itself: a tenth open, spread over a year, one message each. The subject does
    // not depend on the state (i / 10, not i): in a real inbox open conversations are about everything.
    const loadStarted = performance.now();
    const accountIds = accounts.map((account) => account.id);
    const municipalityIds = accounts.map((account) => account.municipality_id);
    const step = 100_000;
    for (let from = 0; from < total; from += step) {
      const to = Math.min(total, from + step) - 1;
      await sql`
        INSERT INTO conversations (organisation_id, account_id, municipality_id, channel, thread_key, author_id, author_handle, author_name,
          visibility, state, labels, started_at, last_message_at, last_inbound_at, waiting_since, message_count, preview)
        SELECT ${organisation.id}::uuid, (${accountIds}::uuid[])[1 + i % 4], (${municipalityIds}::uuid[])[1 + i % 4], 'x', 'b|' || i,
          'inwoner-' || (i % 50000), '@inwoner' || (i % 50000), 'Inwoner ' || (i % 50000), 'openbaar',
          CASE WHEN i % 10 = 0 THEN 'open' WHEN i % 10 = 1 THEN 'wachtend' ELSE 'gesloten' END,
          CASE WHEN i % 7 = 0 THEN ARRAY['afval'] ELSE ARRAY[]::text[] END,
          now() - (i || ' minutes')::interval / 2, now() - (i || ' minutes')::interval / 2, now() - (i || ' minutes')::interval / 2,
          CASE WHEN i % 10 = 0 THEN now() - (i || ' minutes')::interval / 2 END, 1,
          'Vraag over ' || (${WORDS}::text[])[1 + (i / 10) % 10] || ' nummer ' || i
        FROM generate_series(${from}::int, ${to}::int) AS i`.execute(db);
      await sql`
        INSERT INTO messages (organisation_id, account_id, municipality_id, channel, direction, platform_id, author_id, author_handle, text,
          posted_at, received_at, conversation_id)
        SELECT c.organisation_id, c.account_id, c.municipality_id, 'x', 'in', c.thread_key, c.author_id, c.author_handle, c.preview,
          c.started_at, c.started_at, c.id
        FROM conversations c
        WHERE c.organisation_id = ${organisation.id}::uuid AND c.thread_key IN (SELECT 'b|' || i FROM generate_series(${from}::int, ${to}::int) AS i)`.execute(
        db,
      );
    }
    await sql`ANALYZE conversations`.execute(db);
    await sql`ANALYZE messages`.execute(db);
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    const api = async (url: string) => {
      const response = await runtime.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
      return response;
    };
    const castricum = municipalities.find((m) => m.cbs_code === 'GM0383')!;
    const cases = {
      lijst: { url: '/api/v1/conversations?municipality=GM0383&state=open&limit=50', filter: { municipalityIds: [castricum.id], state: 'open' } },
      filter: {
        url: '/api/v1/conversations?view=niet-toegewezen&label=afval&state=open&limit=50',
        filter: { municipalityIds, unassigned: true, label: 'afval', state: 'open' },
      },
      zoeken: { url: '/api/v1/conversations?q=lantaarnpaal&state=open&limit=50', filter: { municipalityIds, search: 'lantaarnpaal', state: 'open' } },
      // A typo finds nothing: every open conversation is a candidate, and the index must say so at once.
      'zoeken zonder treffer': {
        url: '/api/v1/conversations?q=lantarenpaal&state=open&limit=50',
        filter: { municipalityIds, search: 'lantarenpaal', state: 'open' },
      },
    };
    const figures: Record<string, unknown> = { gesprekken: total, 'waarvan open': Math.ceil(total / 10), 'laden, s': loadSeconds.toFixed(1) };
    for (const [name, { url, filter }] of Object.entries(cases)) {
      await api(url);
      const viaApi = p95(await time(ROUNDS, () => api(url)));
      const direct = p95(
        await time(ROUNDS, async () => {
          const { municipalityIds: inScope, ...rest } = filter;
          const rows = await findConversations(db, { organisationId: organisation.id, municipalityIds: inScope }, { ...rest, limit: 51 });
          await findRecentMessages(
            db,
            organisation.id,
            rows.map((row) => row.id),
            5,
          );
        }),
      );
      figures[`${name}: p95 via API, ms`] = viaApi.toFixed(1);
      figures[`${name}: p95 zelfde query direct, ms`] = direct.toFixed(1);
      figures[`${name}: verhouding API / direct`] = (viaApi / direct).toFixed(2);
    }
    figures.doel = 'p95 ≤ 50 ms via de API';
    return { name: 'inbox', figures };
  } finally {
    await runtime.close();
  }
}

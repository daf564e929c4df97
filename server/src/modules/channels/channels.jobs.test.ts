import type { JobRow } from '@platform/db/database.schema';
import { buildChannelAccount, buildOrganisation } from '@test/factories';
import { createTestApp, type TestApp } from '@test/harness';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ChannelError } from './connector.types';
import { POLL_JOB } from './ingest.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

// Two streams of one account polled at once by two workers: the first refreshes the (rotating) token,
// the second's refresh is then refused. Only a refusal of the tokens that are still stored means the
// account needs attention.
it('zet een account niet op "aandacht nodig" als een ander proces de tokens intussen al vernieuwde', async () => {
  const org = await buildOrganisation(t.database.db);
  const account = await buildChannelAccount(t.database.db, t.clock, org.id, {
    municipalityId: org.municipalities[0]!.id,
    channel: 'x',
    settings: { userId: '42' },
    secrets: { accessToken: 'oud', refreshToken: 'oud-refresh' },
  });
  const handler = t.registry.get(POLL_JOB)!.handler;
  const job = { organisation_id: org.id, id: crypto.randomUUID() } as JobRow;
  const payload = { accountId: account.id, stream: 'mentions' };
  const refused = new ChannelError('auth', 'X weigerde het refresh-token');

  await t.database.db
    .transaction()
    .execute((db) => handler({ db, clock: t.clock, job, payload, prepared: { cursor: null, sealedUsed: 'verouderd', error: refused } }));
  let row = await t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', account.id).executeTakeFirstOrThrow();
  expect(row.status).not.toBe('aandacht-nodig');
  expect(row.last_error).toContain('ander proces');

  await t.database.db
    .transaction()
    .execute((db) => handler({ db, clock: t.clock, job, payload, prepared: { cursor: null, sealedUsed: row.secrets_sealed, error: refused } }));
  row = await t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', account.id).executeTakeFirstOrThrow();
  expect(row.status).toBe('aandacht-nodig');
});

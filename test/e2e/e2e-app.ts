import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { enqueueJob } from '@platform/jobs/jobs.service';
import { buildPlainMessage } from '../../server/src/modules/channels/connector.types';
import { storeMessages } from '../../server/src/modules/channels/ingest.service';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories';
import { createTestApp, type TestApp } from '../harness';

export const WEB_INDEX = join(process.cwd(), 'web', 'dist', 'index.html');

export function assertWebBuilt(): void {
  if (!existsSync(WEB_INDEX)) {
    throw new Error('web/dist/index.html ontbreekt: bouw de webapp eerst met `npm run build:web` (npm test doet dat zelf).');
  }
}

export interface E2eApp {
  testApp: TestApp;
  baseUrl: string;
  organisation: Awaited<ReturnType<typeof buildOrganisation>>;
  admin: Awaited<ReturnType<typeof buildUser>>;
  close(): Promise<void>;
}

// A real server on a loopback port, serving the built web app, with one organisation and its beheerder.
export async function startE2eApp(env: Record<string, string> = {}): Promise<E2eApp> {
  assertWebBuilt();
  const testApp = await createTestApp(env);
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = testApp.app.server.address() as AddressInfo;
  const organisation = await buildOrganisation(testApp.database.db, 'Werkorganisatie Duinstreek');
  const admin = await buildUser(testApp.database.db, testApp.clock, organisation.id, {
    roles: ['beheerder'],
    municipalityIds: organisation.municipalities.map((m) => m.id),
    name: 'Sanne de Graaf',
  });
  return {
    testApp,
    baseUrl: `http://127.0.0.1:${port}`,
    organisation,
    admin,
    close: () => testApp.close(),
  };
}

// A job that used up its attempts, so the Beheer page has something to retry.
export async function createFailedJob(app: E2eApp, name = 'mail.versturen'): Promise<string> {
  const db = app.testApp.database.db;
  const id = await enqueueJob(db, { organisationId: app.organisation.id, name, runAt: app.testApp.clock.now(), maxAttempts: 3 });
  if (!id) throw new Error('Taak niet aangemaakt');
  await db
    .updateTable('jobs')
    .set({ status: 'failed', attempts: 3, last_error: 'SMTP-server weigerde de verbinding (ECONNREFUSED)', finished_at: app.testApp.clock.now() })
    .where('organisation_id', '=', app.organisation.id)
    .where('id', '=', id)
    .execute();
  return id;
}

// A resident's public post arrives on the account and is sorted into the inbox; returns its conversation.
// A public post by default; 'prive' is a direct message (where the satisfaction question carries its link).
export async function waitForMessage(
  app: E2eApp,
  account: Parameters<typeof storeMessages>[2],
  post: { platformId: string; author: string; name: string; text: string; visibility?: 'openbaar' | 'prive' },
) {
  const { db } = app.testApp.database;
  const [messageId] = await storeMessages(db, app.testApp.clock, account, [
    buildPlainMessage({
      platformId: post.platformId,
      author: { id: post.author, handle: `@${post.author}`, displayName: post.name, followers: 5 },
      text: post.text,
      visibility: post.visibility ?? 'openbaar',
      postedAt: app.testApp.clock.now(),
      raw: {},
    }),
  ]);
  await app.testApp.worker.drain();
  return (await db.selectFrom('messages').select('conversation_id').where('id', '=', messageId!).executeTakeFirstOrThrow()).conversation_id!;
}

export { TEST_PASSWORD };

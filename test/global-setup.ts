import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '@platform/db/database.client';
import { migrate } from '@platform/db/migrate.service';
import { derivePgTemplateName, getServerUrl, runAdminStatementOn } from './pg-admin';

export const TEMPLATE_PATH = join(process.cwd(), '.tmp', 'pglite-template.tar.gz');

// PGlite's initdb takes seconds; do it once, migrate, and let every test file start from a copy.
export default async function setup() {
  if (process.env.DATABASE_URL) {
    const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
    await migrate(handle);
    await handle.close();
    // Every test file copies its own database from a migrated template (CREATE DATABASE … TEMPLATE).
    const template = derivePgTemplateName(process.env.DATABASE_URL);
    const server = getServerUrl(process.env.DATABASE_URL);
    await runAdminStatementOn(server, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await runAdminStatementOn(server, `CREATE DATABASE ${template}`);
    const templateHandle = await openDatabase({ databaseUrl: `${server}/${template}` });
    await migrate(templateHandle);
    await templateHandle.close();
    return async () => runAdminStatementOn(server, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  }
  const handle = await openDatabase({});
  await migrate(handle);
  const pglite = handle.pglite;
  if (!pglite) throw new Error('PGlite-handle verwacht');
  const dump = await pglite.dumpDataDir('gzip');
  mkdirSync(join(process.cwd(), '.tmp'), { recursive: true });
  writeFileSync(TEMPLATE_PATH, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
}

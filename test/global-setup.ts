import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../server/src/platform/db/database';
import { migrate } from '../server/src/platform/db/migrate';

export const TEMPLATE_PATH = join(process.cwd(), '.tmp', 'pglite-template.tar.gz');

// PGlite's initdb takes seconds; do it once, migrate, and let every test file start from a copy.
export default async function setup() {
  if (process.env.DATABASE_URL) {
    const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
    await migrate(handle);
    await handle.close();
    return;
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

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSecret } from '@platform/auth/secret-box.rules';
import { ManualClock } from '@platform/clock.service';
import { type Config, decodeSecretKey, loadConfig } from '@platform/config.service';
import { cliOrigin } from '@platform/context.service';
import { type Db, openDatabase } from '@platform/db/database.client';
import { buildOrganisation, buildUser } from '@test/factories';
import { derivePgTemplateName, getServerUrl, runAdminStatementOn } from '@test/pg-admin';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, buildPlainMessage, storeMessages } from '../../modules/channels/index';
import { subscribeModulesToStoredMessages } from '../../modules/index';
import { importMeldingen } from '../../modules/meldingen/index';
import { makeOperatorActor } from '../operator.service';
import { runBackupCommand, runRestoreCommand } from './backup.commands';

// The restore drill: a database filled through Plein's own services is backed up with `plein backup`, restored with
// `plein restore` into an empty target, and the two are compared table by table. It runs on the kind of database the
// suite runs on: the embedded one, or (DATABASE_URL) a fresh pair of PostgreSQL databases made for it.
const onPostgres = Boolean(process.env.DATABASE_URL);
const work = mkdtempSync(join(tmpdir(), 'plein-backup-'));
const clock = new ManualClock(new Date('2026-11-23T09:00:00+01:00'));
const secretKey = randomBytes(32);
const appPassword = 'abcd-efgh-ijkl-mnop';

interface Target {
  config: Config;
  open(): Promise<{ db: Db; close(): Promise<void> }>;
}

const server = onPostgres ? getServerUrl(process.env.DATABASE_URL!) : '';
const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const serverDatabases = [`plein_t_backup_bron_${suffix}`, `plein_t_backup_doel_${suffix}`];

function makeTarget(name: string): Target {
  if (onPostgres) {
    const databaseUrl = `${server}/${name}`;
    return { config: loadConfig({ DATABASE_URL: databaseUrl }), open: () => openDatabase({ databaseUrl }) };
  }
  const dataDir = join(work, name);
  return { config: loadConfig({ PLEIN_DATA_DIR: dataDir }), open: () => openDatabase({ dataDir }) };
}

const source = makeTarget(onPostgres ? serverDatabases[0]! : 'bron');
const target = makeTarget(onPostgres ? serverDatabases[1]! : 'doel');
const backupFile = join(work, onPostgres ? 'plein.dump' : 'plein.tar.gz');
let filled: { organisationId: string; accountId: string };
let sourceContents: Awaited<ReturnType<typeof describeContents>>;
let restoredSealed: string | null;

beforeAll(async () => {
  if (onPostgres) {
    await runAdminStatementOn(server, `CREATE DATABASE ${serverDatabases[0]} TEMPLATE ${derivePgTemplateName(process.env.DATABASE_URL!)}`);
    await runAdminStatementOn(server, `CREATE DATABASE ${serverDatabases[1]}`);
  } else {
    // As Plein itself does on first start: the key beside the data, readable by its owner only.
    mkdirSync(source.config.dataDir, { mode: 0o700 });
    writeFileSync(join(source.config.dataDir, 'secret.key'), `${secretKey.toString('base64')}\n`, { mode: 0o600 });
  }
  // The embedded source starts from the migrated template, as every test database does (initdb takes seconds).
  const template = onPostgres ? undefined : new Blob([readFileSync(join(process.cwd(), '.tmp', 'pglite-template.tar.gz'))]);
  const handle = onPostgres ? await source.open() : await openDatabase({ dataDir: source.config.dataDir, template });
  try {
    filled = await fillDatabase(handle.db);
    sourceContents = await describeContents(handle.db);
  } finally {
    await handle.close();
  }
});

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  for (const name of onPostgres ? serverDatabases : []) await runAdminStatementOn(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

// An organisation, a user, a channel account with a sealed app password, messages stored as a platform brings
// them (with the jobs they queue) and meldingen from an import: each through the service that writes them.
async function fillDatabase(db: Db) {
  subscribeModulesToStoredMessages();
  const organisation = await buildOrganisation(db, 'Werkorganisatie Back-up');
  await buildUser(db, clock, organisation.id, { roles: ['beheerder'] });
  const ctx = { db, clock, actor: makeOperatorActor(organisation.id), origin: cliOrigin };
  const account = await addAccount(
    ctx,
    { current: secretKey, previous: [] },
    {
      municipalityId: organisation.municipalities[0]!.id,
      channel: 'bluesky',
      handle: 'bergen.bsky.social',
      serviceUrl: 'https://bsky.social',
      secrets: { appPassword },
    },
  );
  const messages = ['De lantaarnpaal bij de kerk is kapot', 'Wanneer wordt het gft opgehaald?', 'Mooi werk aan het strand!'].map((text, index) =>
    buildPlainMessage({
      platformId: `backup-${index}`,
      author: { id: `inwoner-${index}`, handle: `inwoner${index}.bsky.social`, displayName: `Inwoner ${index}`, followers: 10 + index },
      text,
      visibility: 'openbaar',
      postedAt: clock.now(),
      raw: { index },
    }),
  );
  await storeMessages(
    db,
    clock,
    { organisation_id: organisation.id, id: account.id, municipality_id: account.municipalityId, channel: account.channel },
    messages,
  );
  await importMeldingen(
    db,
    organisation.id,
    [
      'id,municipality,category,description,created_at,first_reaction_at,handled_at,status,lat,lon',
      'B-1,GM0383,wegen-bestrating,Losse tegel,2026-02-02T09:00:00+01:00,2026-02-03T09:00:00+01:00,2026-02-05T09:00:00+01:00,afgehandeld,52.548,4.669',
      'B-2,GM0373,afval-dumping,Grofvuil,2026-02-04T09:00:00+01:00,,,gemeld,52.66,4.70',
    ].join('\n'),
  );
  return { organisationId: organisation.id, accountId: account.id };
}

// Per table of the public schema: its rows and an md5 of all of them in a fixed order; and every sequence's
// position, so rows added after a restore do not collide with restored ones.
async function describeContents(db: Db) {
  const tables = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`.execute(db);
  const contents: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of tables.rows) {
    const result = await sql<{ rows: number; md5: string }>`
      SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) AS md5 FROM ${sql.table(name)} t`.execute(db);
    contents[name] = result.rows[0]!;
  }
  const sequences = await sql<{ name: string; last_value: string | null }>`
    SELECT sequencename AS name, last_value::text FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`.execute(db);
  return { contents, sequences: sequences.rows };
}

// What a refused restore could have touched: the embedded database's files, or the PostgreSQL database's contents.
async function snapshotTarget() {
  if (!onPostgres) {
    const folder = join(target.config.dataDir, 'pglite');
    return readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .sort()
      .map((name) => {
        const stat = statSync(join(folder, name));
        return `${name} ${stat.size} ${stat.mtimeMs}`;
      });
  }
  const handle = await target.open();
  try {
    return await describeContents(handle.db);
  } finally {
    await handle.close();
  }
}

function plein(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['bin/plein.js', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe(`plein backup en plein restore (${onPostgres ? 'PostgreSQL' : 'ingebouwde database'})`, () => {
  it('herstelt een back-up in een lege database met dezelfde inhoud, tabel voor tabel', async () => {
    const backup = await runBackupCommand(source.config, { out: backupFile }, clock.now());
    expect(backup[0]).toContain(`geschreven naar ${backupFile}`);
    expect(backup.join('\n')).toMatch(onPostgres ? /PLEIN_SECRET_KEY zit niet in de back-up/ : /met secret\.key/);
    // It holds personal data and (embedded) the secret key: for its owner's eyes only.
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(readdirSync(work).filter((name) => name.endsWith('.part'))).toEqual([]);

    const restored = await runRestoreCommand(target.config, { file: backupFile });
    expect(restored.join('\n')).toContain('hersteld in');
    expect(restored.join('\n')).toContain('De database is bij');

    const handle = await target.open();
    let after: typeof sourceContents;
    try {
      after = await describeContents(handle.db);
      const account = await handle.db
        .selectFrom('channel_accounts')
        .select('secrets_sealed')
        .where('organisation_id', '=', filled.organisationId)
        .where('id', '=', filled.accountId)
        .executeTakeFirstOrThrow();
      restoredSealed = account.secrets_sealed;
    } finally {
      await handle.close();
    }
    expect(Object.keys(after.contents)).toEqual(Object.keys(sourceContents.contents));
    expect(after.contents).toEqual(sourceContents.contents);
    expect(after.sequences).toEqual(sourceContents.sequences);
    // The comparison is about something: what the drill wrote is there.
    for (const table of ['organisations', 'users', 'channel_accounts', 'messages', 'meldingen', 'melding_events', 'audit_log', 'jobs']) {
      expect(after.contents[table]?.rows, table).toBeGreaterThan(0);
    }
    expect(after.contents.messages?.rows).toBeGreaterThanOrEqual(3);
    expect(Object.keys(after.contents).length).toBeGreaterThan(60);
  }, 120_000);

  it.skipIf(onPostgres)('neemt secret.key mee, zodat de verzegelde tokens met de herstelde sleutel opengaan', async () => {
    const keyFile = join(target.config.dataDir, 'secret.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const restoredKey = decodeSecretKey(readFileSync(keyFile, 'utf8'))!;
    // Sealed with the source's key and bound to its organisation and account (as the channels module does).
    const context = `channel-account:${filled.organisationId}:${filled.accountId}`;
    expect(JSON.parse(openSecret(restoredKey, restoredSealed!, context))).toEqual({ appPassword });
    expect(() => openSecret(randomBytes(32), restoredSealed!, context)).toThrow();
  });

  it('weigert te herstellen in een database die niet leeg is, en laat die ongemoeid', async () => {
    const before = await snapshotTarget();
    await expect(runRestoreCommand(target.config, { file: backupFile })).rejects.toThrow(onPostgres ? /is niet leeg/ : /staat al een database/);
    // The command line says so in Dutch and exits with 1.
    const cli = plein(['restore', backupFile], onPostgres ? { DATABASE_URL: `${server}/${serverDatabases[1]}` } : { PLEIN_DATA_DIR: target.config.dataDir });
    expect(cli.code, cli.stderr).toBe(1);
    expect(cli.stderr).toMatch(/^Fout: /);
    expect(cli.stderr).toContain(onPostgres ? 'is niet leeg' : 'staat al een database');
    expect(await snapshotTarget()).toEqual(before);
  }, 120_000);

  it.skipIf(onPostgres)('weigert een datamap met een andere secret.key, en een back-up terwijl Plein draait', async () => {
    const other = join(work, 'andere-sleutel');
    mkdirSync(other, { mode: 0o700 });
    writeFileSync(join(other, 'secret.key'), `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    await expect(runRestoreCommand(loadConfig({ PLEIN_DATA_DIR: other }), { file: backupFile })).rejects.toThrow(/secret\.key die niet bij deze back-up hoort/);
    expect(readdirSync(other)).toEqual(['secret.key']);

    // A running Plein holds the data folder (plein.lock with its process id): a copy now would not be consistent.
    writeFileSync(join(source.config.dataDir, 'plein.lock'), String(process.ppid));
    try {
      await expect(runBackupCommand(source.config, { out: join(work, 'tijdens.tar.gz') })).rejects.toThrow(/in gebruik door proces .*Plein stilstaat/);
      expect(readdirSync(work).filter((name) => name.startsWith('tijdens'))).toEqual([]);
    } finally {
      rmSync(join(source.config.dataDir, 'plein.lock'), { force: true });
    }
  });

  it('overschrijft geen bestaande back-up en herkent wat geen back-up is', async () => {
    await expect(runBackupCommand(source.config, { out: backupFile })).rejects.toThrow(/bestaat al/);
    const notABackup = join(work, 'notities.txt');
    writeFileSync(notABackup, 'geen back-up');
    await expect(runRestoreCommand(target.config, { file: notABackup })).rejects.toThrow(/geen back-up van Plein/);
  });
});

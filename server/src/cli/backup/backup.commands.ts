import { resolve } from 'node:path';
import type { Config } from '@platform/config.service';
import type { MigrationResult } from '@platform/db/migrate.service';
import { UsageError } from '../cli.errors';
import { BackupError } from './backup.errors';
import { type BackupKind, composeBackupFileName, detectBackupKind, formatFileSize, writePrivateFile } from './backup-file.service';
import { restoreEmbeddedBackup, writeEmbeddedBackup } from './embedded-backup.service';
import { describeDatabase } from './pg-tools.client';
import { restorePostgresBackup, writePostgresBackup } from './postgres-backup.service';

const KEEP_KEY_APART =
  'PLEIN_SECRET_KEY zit niet in de back-up: bewaar de sleutel apart (bijvoorbeeld in een wachtwoordkluis). ' +
  'Zonder die sleutel gaan de opgeslagen tokens en wachtwoorden van de kanalen na herstel niet open.';

// plein backup [--out <file>]: the embedded database with its secret.key as one tar.gz, or pg_dump of DATABASE_URL.
export async function runBackupCommand(config: Config, args: { out?: string }, now = new Date()): Promise<string[]> {
  const kind: BackupKind = config.databaseUrl ? 'postgres' : 'pglite';
  if (args.out !== undefined && args.out.trim() === '') throw new UsageError('--out', '--out is leeg: geef de naam van het back-upbestand.');
  const out = args.out ?? composeBackupFileName(kind, now);
  if (config.databaseUrl) {
    const databaseUrl = config.databaseUrl;
    const written = await writePrivateFile(out, (part) => writePostgresBackup(databaseUrl, part));
    return [
      `Back-up van PostgreSQL-database ${describeDatabase(databaseUrl)} geschreven naar ${written.path} (${formatFileSize(written.bytes)}, pg_dump custom-formaat).`,
      KEEP_KEY_APART,
    ];
  }
  let secretKey = false;
  const written = await writePrivateFile(out, async (part) => {
    secretKey = (await writeEmbeddedBackup(config.dataDir, part, now)).secretKey;
  });
  return [
    `Back-up van de ingebouwde database in ${resolve(config.dataDir)} geschreven naar ${written.path} (${formatFileSize(written.bytes)})` +
      `${secretKey ? ', met secret.key' : ''}. Het bestand is alleen leesbaar voor deze gebruiker; bewaar het even goed beveiligd, buiten deze machine.`,
    ...(config.secretKey ? [KEEP_KEY_APART] : []),
  ];
}

// plein restore <file>: into an empty database only, then brought up to date with the migrations.
export async function runRestoreCommand(config: Config, args: { file?: string }): Promise<string[]> {
  if (!args.file) throw new UsageError('bestand', 'Geef het back-upbestand: plein restore <bestand>.');
  const kind = detectBackupKind(args.file);
  if (kind === null) throw new BackupError(`${args.file} is geen back-up van Plein (geen .tar.gz van plein backup en geen pg_dump in custom-formaat).`);
  if (config.databaseUrl) {
    if (kind === 'pglite') throw new BackupError(`${args.file} is een back-up van de ingebouwde database: herstel hem zonder DATABASE_URL, in PLEIN_DATA_DIR.`);
    const migration = await restorePostgresBackup(config.databaseUrl, args.file);
    return [
      `Back-up ${resolve(args.file)} hersteld in ${describeDatabase(config.databaseUrl)}.`,
      describeMigration(migration),
      'Zet PLEIN_SECRET_KEY op de sleutel van de installatie waarvan de back-up is; anders gaan de opgeslagen tokens van de kanalen niet open.',
    ];
  }
  if (kind === 'postgres') throw new BackupError(`${args.file} is een back-up van PostgreSQL (pg_dump): herstel hem met DATABASE_URL naar een lege database.`);
  const restored = await restoreEmbeddedBackup(config.dataDir, args.file);
  return [
    `Back-up ${resolve(args.file)} hersteld in ${resolve(config.dataDir)}${restored.secretKey ? ', met secret.key' : ''}.`,
    describeMigration(restored.migration),
    ...(restored.secretKey ? [] : ['De back-up bevat geen secret.key: zet PLEIN_SECRET_KEY op de sleutel van de installatie waarvan de back-up is.']),
  ];
}

function describeMigration(migration: MigrationResult): string {
  if (migration.applied.length === 0) return 'De database is bij; start Plein.';
  return `Bijgewerkt met ${migration.applied.length} migratie(s) (${migration.applied.join(', ')}); start Plein.`;
}

import { parseArgs } from 'node:util';
import { withEmbeddedSecretKey } from '@platform/auth/embedded-secret-key.service';
import { systemClock } from '@platform/clock.service';
import type { Config } from '@platform/config.service';
import { ConfigError, loadConfig } from '@platform/config.service';
import { DataDirInUseError } from '@platform/db/data-dir-lock.service';
import { openDatabase } from '@platform/db/database.client';
import { migrate } from '@platform/db/migrate.service';
import { AppError } from '@platform/http/http.errors';
import { isRole, ROLES } from '@platform/tenancy/roles.rules';
import { subscribeModulesToStoredMessages } from '../modules/index';
import { runBackupCommand, runRestoreCommand } from './backup/backup.commands';
import { BackupError } from './backup/backup.errors';
import { addAccountCommand, getStdinSecretKey, parseChannel, rotateSecretsCommand } from './channel.commands';
import { createOrganisationCommand, createTokenCommand, createUserCommand } from './cli.commands';
import { readStdin, requireArgument, UsageError } from './cli.errors';
import { importBerichtenCommand, importMeldingenCommand, runMunicipalityBoundaryCommand } from './import.commands';
import { createOpen311ClientCommand } from './open311.commands';

const secretKeys = (config: Config) => ({ current: config.secretKey, previous: config.previousSecretKeys });

const HELP = `plein — beheer van een Plein-installatie

Gebruik:
  plein migrate
  plein organisation create --slug <slug> --name <naam> --municipality "<Naam>:<CBS-code>:<inwoners>" [--municipality …]
  plein user create --organisation <slug> --email <e-mail> --name <naam> --role <rol> [--role …] [--municipality <CBS-code> …] --password-stdin
  plein token create --email <e-mail> --name <label> [--organisation <slug>]
  plein account add --organisation <slug> --municipality <CBS-code> --channel <kanaal> --handle <naam>
                    [--service <adres>] [--setting sleutel=waarde …] [--password-stdin]
      --password-stdin leest het app-wachtwoord, token of wachtwoord van het kanaal van standaardinvoer.
  plein import meldingen <bestand.csv> --organisation <slug>
      meldingen uit een eerder systeem (Fixi, Signalen); alles wordt eerst gecontroleerd, opnieuw importeren verandert niets
  plein import berichten <bestand.csv|bestand.ndjson> --organisation <slug>
      geschiedenis uit een ander luistersysteem: id, bron, gemeente, auteur, tekst, tijd [, naam, volgers, url, lat, lon, taal];
      alles wordt eerst gecontroleerd (fouten per rij), daarna opgeslagen en geanalyseerd; opnieuw importeren verandert niets
  plein municipality boundary <bestand.geojson> --organisation <slug> --municipality <CBS-code>
      de gemeentegrens (GeoJSON in WGS84, bijv. PDOK gemeentegebied); meldingen buiten de grens worden geweigerd
  plein secrets rotate   (na het wisselen van PLEIN_SECRET_KEY; de oude sleutel in PLEIN_SECRET_KEY_PREVIOUS)
  plein open311 client create --organisation <slug> --name <app>
      maakt een api_key voor een app die via Open311 meldingen doet; de sleutel staat op de laatste regel.
  plein backup [--out <bestand>]
      ingebouwde database: de database met secret.key als één .tar.gz (stop Plein eerst);
      PostgreSQL: pg_dump van DATABASE_URL (.dump; PLEIN_SECRET_KEY apart bewaren). Alleen leesbaar voor de eigenaar.
  plein restore <bestand>
      zet een back-up terug in een lege database (PLEIN_DATA_DIR of DATABASE_URL) en voert daarna de migraties uit

De database: DATABASE_URL (PostgreSQL) of anders de ingebouwde database in PLEIN_DATA_DIR (standaard ./data).
`;

const OPTIONS = {
  slug: { type: 'string' },
  name: { type: 'string' },
  municipality: { type: 'string', multiple: true },
  organisation: { type: 'string' },
  email: { type: 'string' },
  role: { type: 'string', multiple: true },
  'password-stdin': { type: 'boolean' },
  channel: { type: 'string' },
  handle: { type: 'string' },
  service: { type: 'string' },
  setting: { type: 'string', multiple: true },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function run(argv: string[]): Promise<string[]> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const match = /'(--?[\w-]+)/.exec(String((error as Error).message));
    throw new UsageError(match?.[1] ?? 'argumenten', `Onbekend of onvolledig argument ${match?.[1] ?? ''}. Zie plein --help.`.replace('  ', ' '));
  }
  const { values, positionals } = parsed;
  // "import meldingen <file>", "restore <file>": the file follows the command's name and is not part of it.
  const withFile = ['import meldingen', 'import berichten', 'municipality boundary', 'restore'];
  const named = withFile.find((name) => positionals.slice(0, name.split(' ').length).join(' ') === name);
  const command = named ?? positionals.join(' ');
  const file = named ? positionals[named.split(' ').length] : undefined;
  if (values.help || command === '' || command === 'help') return [HELP];
  const known = [
    'migrate',
    'organisation create',
    'user create',
    'token create',
    'account add',
    'secrets rotate',
    'open311 client create',
    'import meldingen',
    'import berichten',
    'municipality boundary',
    'backup',
    'restore',
  ];
  if (!known.includes(command)) throw new UsageError(positionals[0] ?? 'opdracht', `Onbekende opdracht "${command}". Zie plein --help.`);
  // Before the secret key and the database are made: a backup takes the data folder as it is, a restore wants it empty.
  if (command === 'backup') return runBackupCommand(loadConfig(), { out: values.out });
  if (command === 'restore') return runRestoreCommand(loadConfig(), { file });

  // Arguments are checked before the database is opened: a wrong call changes nothing.
  if (command === 'user create') checkRoles(values.role ?? []);
  const password = command === 'user create' ? await readPassword(values['password-stdin']) : '';
  const channel = command === 'account add' ? parseChannel(values.channel) : null;
  if (channel && getStdinSecretKey(channel) && !values['password-stdin']) {
    throw new UsageError('--password-stdin', `--password-stdin ontbreekt: ${channel} heeft een ${getStdinSecretKey(channel)} nodig, via standaardinvoer.`);
  }
  const secret = channel && values['password-stdin'] ? await readPassword(true) : null;
  const config = withEmbeddedSecretKey(loadConfig(), (line) => process.stderr.write(`${line}\n`));
  // An import stores messages: the modules that hear of them must be known first.
  subscribeModulesToStoredMessages();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const migration = await migrate(handle);
    const db = handle.db;
    switch (command) {
      case 'migrate':
        return [migration.applied.length ? `Toegepast: ${migration.applied.join(', ')}` : 'De database is al bij.'];
      case 'organisation create': {
        const organisation = await createOrganisationCommand(db, {
          slug: requireArgument(values, 'slug'),
          name: requireArgument(values, 'name'),
          municipalities: values.municipality ?? [],
        });
        return [`Organisatie ${organisation.name} (${organisation.slug}) aangemaakt.`, organisation.id];
      }
      case 'user create': {
        const user = await createUserCommand(db, systemClock, {
          organisation: requireArgument(values, 'organisation'),
          email: requireArgument(values, 'email'),
          name: requireArgument(values, 'name'),
          roles: values.role ?? [],
          municipalities: values.municipality ?? [],
          password,
        });
        return [`Gebruiker ${user.email} aangemaakt met rol(len) ${user.roles.join(', ')}.`, user.id];
      }
      case 'token create': {
        const token = await createTokenCommand(db, systemClock, {
          email: requireArgument(values, 'email'),
          name: requireArgument(values, 'name'),
          organisation: values.organisation,
        });
        return [`API-token "${token.name}" aangemaakt. Bewaar het nu; het wordt niet nog eens getoond.`, token.token];
      }
      case 'account add': {
        const account = await addAccountCommand(db, systemClock, secretKeys(config), {
          organisation: requireArgument(values, 'organisation'),
          municipality: requiredSingle(values.municipality, '--municipality', 'de CBS-code van de gemeente, bijvoorbeeld GM0383'),
          channel: channel!,
          handle: requireArgument(values, 'handle'),
          service: values.service,
          settings: values.setting ?? [],
          secret,
        });
        return [`Account ${account.handle} op ${account.channel} gekoppeld; Plein haalt de berichten op zodra de server draait.`, account.id];
      }
      case 'import meldingen': {
        const result = await importMeldingenCommand(db, { file, organisation: requireArgument(values, 'organisation') });
        return [`${result.imported} meldingen geïmporteerd; ${result.alreadyPresent} stonden er al (${result.rows} rijen gecontroleerd).`];
      }
      case 'import berichten': {
        const result = await importBerichtenCommand(db, systemClock, { file, organisation: requireArgument(values, 'organisation') });
        return [`${result.imported} berichten geïmporteerd en geanalyseerd; ${result.alreadyPresent} stonden er al (${result.rows} rijen gecontroleerd).`];
      }
      case 'municipality boundary': {
        const result = await runMunicipalityBoundaryCommand(db, {
          file,
          organisation: requireArgument(values, 'organisation'),
          municipality: requiredSingle(values.municipality, '--municipality', 'de CBS-code van de gemeente, bijvoorbeeld GM0383'),
        });
        return [
          `Grens van ${result.municipality} opgeslagen (${result.polygons} ${result.polygons === 1 ? 'vlak' : 'vlakken'}); plekken daarbuiten worden voortaan geweigerd.`,
        ];
      }
      case 'secrets rotate': {
        const result = await rotateSecretsCommand(db, secretKeys(config));
        return [`${result.resealed} van de ${result.total} accounts opnieuw versleuteld met de huidige sleutel.`];
      }
      case 'open311 client create': {
        const client = await createOpen311ClientCommand(db, systemClock, {
          organisation: requireArgument(values, 'organisation'),
          name: requireArgument(values, 'name'),
        });
        return [`Open311-app "${client.name}" aangemaakt. Bewaar de api_key nu; hij wordt niet nog eens getoond.`, client.apiKey];
      }
    }
    return [HELP];
  } finally {
    await handle.close();
  }
}

function requiredSingle(list: string[] | undefined, flag: string, what: string): string {
  if (!list?.length) throw new UsageError(flag, `${flag} ontbreekt: geef ${what}.`);
  if (list.length > 1) throw new UsageError(flag, `${flag}: geef er precies één.`);
  return list[0]!;
}

function checkRoles(roles: string[]) {
  if (roles.length === 0) throw new UsageError('--role', `--role ontbreekt. Kies uit: ${ROLES.join(', ')}.`);
  const unknown = roles.find((role) => !isRole(role));
  if (unknown) throw new UsageError('--role', `--role "${unknown}" bestaat niet. Kies uit: ${ROLES.join(', ')}.`);
}

async function readPassword(flag: boolean | undefined): Promise<string> {
  if (!flag) throw new UsageError('--password-stdin', '--password-stdin ontbreekt: geef het wachtwoord via standaardinvoer.');
  const password = await readStdin();
  if (password === '') throw new UsageError('--password-stdin', '--password-stdin: het wachtwoord is leeg.');
  return password;
}

run(process.argv.slice(2)).then(
  (lines) => {
    process.stdout.write(`${lines.join('\n')}\n`);
    process.exit(0);
  },
  (error) => {
    if (error instanceof UsageError) {
      process.stderr.write(`Fout in ${error.argument}: ${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof AppError) {
      // Many problems (an import's bad rows) each get a line of their own.
      const many = (error.invalidParams?.length ?? 0) > 3;
      const params = error.invalidParams?.map((p) => (many ? `\n  ${p.name}: ${p.reason}` : ` (${p.name}: ${p.reason})`)).join('') ?? '';
      process.stderr.write(`Fout: ${many ? error.title : error.detail}${params}\n`);
      process.exit(1);
    }
    if (error instanceof BackupError) {
      process.stderr.write(`Fout: ${error.message}\n`);
      process.exit(1);
    }
    if (error instanceof ConfigError || error instanceof DataDirInUseError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`Onverwachte fout: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

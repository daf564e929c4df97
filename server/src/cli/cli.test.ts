import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@platform/db/database.client';
import { CASTRICUM_BOUNDARY } from '@test/castricum-boundary';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveTarget } from '../modules/open311/index';

// The CLI runs as operators run it: a separate process on the embedded database (or DATABASE_URL in CI).
const dataDir = mkdtempSync(join(tmpdir(), 'plein-cli-'));
const slug = `cli-${Date.now().toString(36)}`;

function plein(args: string[], input?: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['bin/plein.js', ...args], {
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, PLEIN_DATA_DIR: dataDir, ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Each call is a new process that opens the embedded database: slow on a busy two-core machine.
const CLI_TEST_TIMEOUT = 240_000;

describe('plein CLI', () => {
  it(
    'migreert, maakt een organisatie, een gebruiker en een token',
    () => {
      expect(plein(['migrate']).code).toBe(0);

      const bad = plein([
        'organisation',
        'create',
        '--slug',
        slug,
        '--name',
        'BUCH',
        '--municipality',
        'Bergen:GM0373:29900',
        '--municipality',
        'Castricum:GM383:36500',
      ]);
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toContain('--municipality');
      expect(bad.stderr).toMatch(/geen CBS-code/);

      // The failed call above changed nothing: the same slug is still free.
      const org = plein([
        'organisation',
        'create',
        '--slug',
        slug,
        '--name',
        'Werkorganisatie BUCH',
        '--municipality',
        'Bergen:GM0373:29900',
        '--municipality',
        'Castricum:GM0383:36500',
      ]);
      expect(org.code, org.stderr).toBe(0);
      expect(org.stdout).toContain('aangemaakt');

      const again = plein(['organisation', 'create', '--slug', slug, '--name', 'Nog eens', '--municipality', 'Heiloo:GM0399:24000']);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('Er is al een organisatie');

      const email = `beheer@${slug}.nl`;
      const user = plein(
        ['user', 'create', '--organisation', slug, '--email', email, '--name', 'Bea Beheer', '--role', 'beheerder', '--role', 'kcc', '--password-stdin'],
        'een-lang-genoeg-wachtwoord\n',
      );
      expect(user.code, user.stderr).toBe(0);
      expect(user.stdout).toContain('beheerder, kcc');

      const token = plein(['token', 'create', '--email', email, '--name', 'koppeling']);
      expect(token.code, token.stderr).toBe(0);
      const lastLine = token.stdout.split('\n').at(-1)!;
      expect(lastLine).toMatch(/^plein_[0-9a-f]{32}_[\w-]{20,}$/);
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'maakt een Open311-app aan en print een api_key die werkt als laatste regel',
    async () => {
      const created = plein(['open311', 'client', 'create', '--organisation', slug, '--name', 'Buurtapp']);
      expect(created.code, created.stderr).toBe(0);
      expect(created.stdout).toContain('Buurtapp');
      const apiKey = created.stdout.split('\n').at(-1)!;
      expect(apiKey).toMatch(/^o311_[0-9a-f]{32}_[\w-]{43}$/);
      expect(plein(['open311', 'client', 'create', '--organisation', 'bestaat-niet', '--name', 'X']).stderr).toContain('--organisation');
      // The key finds its organisation the way POST requests does; only its hash is stored.
      const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
      try {
        const target = await resolveTarget(handle.db, { api_key: apiKey, jurisdiction_id: 'GM0383' }, 'write');
        expect(target.organisation.slug).toBe(slug);
        expect(target.municipality.name).toBe('Castricum');
        const stored = await handle.db.selectFrom('open311_clients').select(['name', 'key_hash']).execute();
        expect(stored).toEqual([{ name: 'Buurtapp', key_hash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
        expect(JSON.stringify(stored)).not.toContain(apiKey.slice('o311_'.length + 33));
      } finally {
        await handle.close();
      }
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'laadt een gemeentegrens uit GeoJSON en weigert Rijksdriehoek-coördinaten zonder iets te wijzigen',
    async () => {
      const file = join(dataDir, 'castricum.geojson');
      const rd = join(dataDir, 'rd.geojson');
      writeFileSync(
        file,
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { statcode: 'GM0383' },
              geometry: CASTRICUM_BOUNDARY,
            },
          ],
        }),
      );
      writeFileSync(
        rd,
        JSON.stringify({
          type: 'Polygon',
          coordinates: [
            [
              [104000, 510000],
              [110000, 510000],
              [110000, 518000],
              [104000, 510000],
            ],
          ],
        }),
      );
      const refused = plein(['municipality', 'boundary', rd, '--organisation', slug, '--municipality', 'GM0383']);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('Rijksdriehoek');
      const loaded = plein(['municipality', 'boundary', file, '--organisation', slug, '--municipality', 'GM0383']);
      expect(loaded.code, loaded.stderr).toBe(0);
      expect(loaded.stdout).toContain('Grens van Castricum opgeslagen');
      const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
      try {
        const stored = await handle.db.selectFrom('municipalities').select('boundary').where('cbs_code', '=', 'GM0383').execute();
        expect(stored.map((row) => (row.boundary as { type: string } | null)?.type)).toContain('Polygon');
      } finally {
        await handle.close();
      }
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'koppelt een kanaalaccount met het wachtwoord via standaardinvoer en versleutelt na een sleutelwissel opnieuw',
    () => {
      const oldKey = 'a'.repeat(64);
      const newKey = 'b'.repeat(64);
      const args = [
        'account',
        'add',
        '--organisation',
        slug,
        '--municipality',
        'GM0383',
        '--channel',
        'bluesky',
        '--handle',
        'castricum.bsky.social',
        '--service',
        'https://bsky.social',
      ];
      const missing = plein(args, '', { PLEIN_SECRET_KEY: oldKey });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('--password-stdin');
      const added = plein([...args, '--password-stdin'], 'abcd-efgh-ijkl-mnop\n', { PLEIN_SECRET_KEY: oldKey });
      expect(added.code, added.stderr).toBe(0);
      expect(added.stdout).toContain('gekoppeld');
      const unknownChannel = plein(['account', 'add', '--organisation', slug, '--municipality', 'GM0383', '--channel', 'myspace', '--handle', 'x'], '', {
        PLEIN_SECRET_KEY: oldKey,
      });
      expect(unknownChannel.stderr).toContain('--channel');
      const rotated = plein(['secrets', 'rotate'], '', { PLEIN_SECRET_KEY: newKey, PLEIN_SECRET_KEY_PREVIOUS: oldKey });
      expect(rotated.code, rotated.stderr).toBe(0);
      expect(rotated.stdout).toMatch(/^1 van de 1 accounts/);
      // Done: with only the new key nothing is left to re-seal, and nothing breaks.
      expect(plein(['secrets', 'rotate'], '', { PLEIN_SECRET_KEY: newKey }).stdout).toMatch(/^0 van de 1/);
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'importeert meldingen uit een CSV-bestand met een voortgangsbalk; opnieuw importeren verandert niets',
    () => {
      const file = join(dataDir, 'meldingen.csv');
      writeFileSync(
        file,
        [
          'id,municipality,category,description,created_at,first_reaction_at,handled_at,status,lat,lon',
          'S-1,GM0383,wegen-bestrating,Losse tegel,2026-02-02T09:00:00+01:00,2026-02-03T09:00:00+01:00,2026-02-05T09:00:00+01:00,afgehandeld,52.548,4.669',
          'S-2,GM0373,afval-dumping,Grofvuil,2026-02-04T09:00:00+01:00,,,gemeld,52.66,4.70',
        ].join('\n'),
      );
      const first = plein(['import', 'meldingen', file, '--organisation', slug]);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toBe('2 meldingen geïmporteerd; 0 stonden er al (2 rijen gecontroleerd).');
      expect(first.stderr).toContain('Importeren [');
      expect(plein(['import', 'meldingen', file, '--organisation', slug]).stdout).toContain('0 meldingen geïmporteerd; 2 stonden er al');
      writeFileSync(
        file,
        'id,municipality,category,description,created_at,first_reaction_at,handled_at,status,lat,lon\nX-1,GM0383,onbekend,Tekst,2026-02-02T09:00:00+01:00,,,gemeld,52.548,4.669\n',
      );
      const refused = plein(['import', 'meldingen', file, '--organisation', slug]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('rij 2.category');
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'importeert luistergeschiedenis (CSV en NDJSON) met fouten per rij en een voortgangsbalk; opnieuw importeren verandert niets',
    () => {
      const csv = join(dataDir, 'berichten.csv');
      writeFileSync(
        csv,
        [
          'id,bron,gemeente,auteur,naam,volgers,tekst,tijd,url,lat,lon,taal',
          'c-1,twitter,GM0383,@buurman,Buurman,120,"De gft-bak is weer niet geleegd, schandalig",2025-06-01T10:00:00+02:00,https://x.com/buurman/1,,,nl',
          'c-2,nieuws,GM0373,omroep,Omroep,5000,Raad stemt in met nieuw zwembad,2025-06-02T08:00:00+02:00,,52.66,4.70,',
        ].join('\n'),
      );
      const first = plein(['import', 'berichten', csv, '--organisation', slug]);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toBe('2 berichten geïmporteerd en geanalyseerd; 0 stonden er al (2 rijen gecontroleerd).');
      expect(first.stderr).toContain('Importeren [');
      expect(plein(['import', 'berichten', csv, '--organisation', slug]).stdout).toContain('0 berichten geïmporteerd en geanalyseerd; 2 stonden er al');

      const ndjson = join(dataDir, 'berichten.ndjson');
      writeFileSync(
        ndjson,
        `${JSON.stringify({ id: 'n-1', source: 'bluesky', municipality: 'GM0383', author: 'a', text: 'Mooi park', posted_at: '2025-06-03T09:00:00Z' })}\n{kapot\n${JSON.stringify({ id: 'n-2', source: 'fax', municipality: 'GM9999', author: '', text: 'x', posted_at: 'gisteren' })}\n`,
      );
      const refused = plein(['import', 'berichten', ndjson, '--organisation', slug]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('rij 2.regel');
      expect(refused.stderr).toContain('rij 3.bron');
      expect(refused.stderr).toContain('rij 3.tijd');
      // One bad row, nothing imported: n-1 is not there either, so a fixed file imports it.
      writeFileSync(
        ndjson,
        `${JSON.stringify({ id: 'n-1', source: 'bluesky', municipality: 'GM0383', author: 'a', text: 'Mooi park', posted_at: '2025-06-03T09:00:00Z' })}\n`,
      );
      expect(plein(['import', 'berichten', ndjson, '--organisation', slug]).stdout).toContain('1 berichten geïmporteerd');
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'geeft Nederlandse fouten die het argument noemen, met een exitcode ongelijk aan 0',
    () => {
      const cases: Array<[string[], string, string?]> = [
        [
          ['user', 'create', '--organisation', slug, '--email', 'x@y.nl', '--name', 'X', '--role', 'koning', '--password-stdin'],
          '--role',
          'wachtwoord-van-twaalf',
        ],
        [['user', 'create', '--organisation', slug, '--email', 'x@y.nl', '--name', 'X', '--role', 'kcc'], '--password-stdin'],
        [
          ['user', 'create', '--organisation', 'bestaat-niet', '--email', 'x@y.nl', '--name', 'X', '--role', 'kcc', '--password-stdin'],
          '--organisation',
          'wachtwoord-van-twaalf',
        ],
        [['user', 'create', '--organisation', slug, '--email', 'x@y.nl', '--name', 'X', '--role', 'kcc', '--password-stdin'], 'minstens 12', 'kort'],
        [['token', 'create', '--name', 'x'], '--email'],
        [['token', 'create', '--email', 'niemand@nergens.nl', '--name', 'x'], '--email'],
        [['organisation', 'create', '--slug', 'abc', '--name', 'Zonder gemeente'], '--municipality'],
        [['organisation', 'create', '--slug', 'abc', '--name', 'X', '--municipality', 'Alleen een naam'], '--municipality'],
        [['organisation', 'create', '--slug', 'abc', '--name', 'X', '--municipality', 'Heiloo:GM0399:veel'], 'geen heel getal'],
        [['organisation', 'create', '--slug', 'abc', '--municipality', 'Heiloo:GM0399:1'], '--name'],
        [['frobnicate'], 'Onbekende opdracht'],
        [['user', 'create', '--onzin'], '--onzin'],
      ];
      for (const [args, mention, input] of cases) {
        const result = plein(args, input);
        expect(result.code, `${args.join(' ')} → ${result.stderr}`).not.toBe(0);
        expect(result.stderr, args.join(' ')).toContain(mention);
      }
      // None of the failed calls created anything.
      const token = plein(['token', 'create', '--email', 'x@y.nl', '--name', 'x', '--organisation', slug]);
      expect(token.stderr).toContain('geen gebruiker');
    },
    CLI_TEST_TIMEOUT,
  );
});

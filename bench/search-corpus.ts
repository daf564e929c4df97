// A search corpus for bench/ingest: a number of distinct listening items (a million at full size) in an organisation
// of their own. The crisis script folds into a few dozen originals, so searching what it stored says little about
// searching a year of a municipality's listening. Texts are drawn word by word from a Dutch vocabulary with a
// Zipf-like skew (a few words are in most texts, most words in few), plus one family name from a pool of ten thousand
// (each in about one text in ten thousand), so the searches range from very common to rare. The database makes the
// rows itself (INSERT … SELECT, in parts), through the same tables, indexes and triggers as the pipeline's.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '@platform/db/database.client';
import { sql } from 'kysely';

const SCENARIOS = join(dirname(fileURLToPath(import.meta.url)), '../server/src/modules/channels/connectors/simulator/scenarios');

// Words a municipality's residents use that the simulator's templates do not, for a longer tail.
const MORE_WORDS = `afvalinzameling bestemmingsplan omgevingsvergunning parkeervergunning paspoort rijbewijs verhuizing uittreksel
  gemeenteraad wethouder burgemeester raadsvergadering inspraakavond bezwaarschrift subsidie kwijtschelding belastingaanslag
  woz-waarde hondenbelasting toeristenbelasting riolering lantaarnpaal stoeptegel fietspad zebrapad rotonde verkeersdrempel
  snelheidscontrole bushalte speeltuin trapveld sportpark zwembad bibliotheek buurthuis wijkagent jongerenwerk mantelzorg
  thuiszorg huishoudelijke hulp wmo jeugdzorg schuldhulp bijstand participatiewet statushouders woningbouw sociale huur
  starterswoning tiny houses windmolens zonnepanelen warmtenet aardgasvrij isolatie klimaatadaptatie wateroverlast
  hittestress bomenkap groenonderhoud maaibeleid bermen ecologisch bloemrijk insecten eikenprocessierups ratten duiven
  overlast hangjongeren vuurwerk jaarwisseling koningsdag kermis braderie markt evenementenvergunning geluidsoverlast
  terrassen horeca sluitingstijden cameratoezicht handhaving boa parkeerboete wegsleepregeling fietsenrek weesfietsen
  laadpalen deelauto parkeerdruk blauwe zone vergunninghouders bezoekersregeling ondernemersfonds centrumplan leegstand
  winkelstraat herinrichting bouwverkeer omleiding wegafsluiting opbreking kabels leidingen glasvezel bereik zendmast
  dijkversterking waterschap hoogwater storm noodweer omgewaaide bomen stormschade gladheid strooien pekel sneeuw
  schoolzone kinderopvang peuterspeelzaal basisschool brede school leerlingenvervoer schoolroute oversteekplaats
  zorgen ongerust boos teleurgesteld blij tevreden dankbaar geweldig schandalig belachelijk onacceptabel prima snel
  traag eindelijk alweer nooit altijd gisteren vandaag morgen vanavond vannacht vanochtend weekend maandag dinsdag
  woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli augustus september oktober
  november december centrum noord zuid oost west dorp wijk straat plein haven strand duinen polder bos park kerk`;

const NAME_STARTS = [
  'van',
  'de',
  'ver',
  'ten',
  'ter',
  'bak',
  'bos',
  'berg',
  'dijk',
  'hof',
  'kamp',
  'land',
  'meer',
  'stra',
  'veld',
  'wout',
  'zand',
  'horst',
  'hui',
  'mol',
  'wil',
  'jan',
  'piet',
  'kees',
  'dirk',
];
const NAME_ENDS = [
  'sen',
  'stra',
  'ma',
  'inga',
  'ink',
  'man',
  'mans',
  'huis',
  'kamp',
  'beek',
  'berg',
  'dijk',
  'hof',
  'veld',
  'wijk',
  'rink',
  'link',
  'hoven',
  'horst',
  'boom',
  'bosch',
  'donk',
  'loo',
  'mond',
  'werf',
];

// The vocabulary, most frequent first: the templates' words by how often they occur there, then the longer tail.
export function buildCorpusVocabulary(): string[] {
  const counts = new Map<string, number>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const word of value
        .replaceAll(/\{[^}]*\}/g, ' ')
        .toLowerCase()
        .match(/[a-zà-ÿ-]{3,}/g) ?? [])
        counts.set(word, (counts.get(word) ?? 0) + 1);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  for (const file of readdirSync(SCENARIOS).filter((name) => name.endsWith('.json'))) visit(JSON.parse(readFileSync(join(SCENARIOS, file), 'utf8')).templates);
  const fromTemplates = [...counts].sort((a, b) => b[1] - a[1]).map(([word]) => word);
  return [...new Set([...fromTemplates, ...MORE_WORDS.split(/\s+/).filter((word) => word.length >= 3)])];
}

function familyNames(): string[] {
  const names: string[] = [];
  for (const start of NAME_STARTS)
    for (const end of NAME_ENDS)
      for (const middle of ['', 'er', 'el', 'en', 'de', 'ke', 'ge', 'ste', 'ho', 'ri', 'lo', 'ma', 'na', 'pe', 'sa', 'te'])
        names.push(`${start}${middle}${end}`);
  return [...new Set(names)];
}

// Searches from very common to absent, as an analyst types them (websearch syntax).
export function buildCorpusSearches(vocabulary: string[]): string[] {
  const names = familyNames();
  const at = (share: number) => vocabulary[Math.min(vocabulary.length - 1, Math.floor(vocabulary.length * share))]!;
  return [
    vocabulary[0]!,
    vocabulary[3]!,
    at(0.05),
    at(0.2),
    at(0.5),
    at(0.95),
    names[17]!,
    names[4_321]!,
    `${vocabulary[1]} ${at(0.5)}`,
    `"${vocabulary[0]} ${vocabulary[1]}"`,
    `${at(0.3)} -${vocabulary[0]}`,
    'zeppelinhaven',
  ];
}

export async function buildSearchCorpus(db: Db, ids: { organisationId: string; accountId: string; municipalityId: string }, items: number) {
  const vocabulary = buildCorpusVocabulary();
  const names = familyNames();
  const start = new Date(Date.now() - items * 30_000);
  const part = 25_000;
  for (let from = 1; from <= items; from += part) {
    const to = Math.min(items, from + part - 1);
    // The word list is a correlated subquery (it names g), so every row draws its own words.
    await sql`
      WITH inserted AS (
        INSERT INTO messages (organisation_id, id, account_id, municipality_id, channel, direction, platform_id, author_id, author_handle, author_followers,
          text, visibility, posted_at, received_at, simulated, stream)
        SELECT ${ids.organisationId}::uuid, gen_random_uuid(), ${ids.accountId}::uuid, ${ids.municipalityId}::uuid, 'gesimuleerd', 'in', 'corpus-' || g,
          'auteur-' || (g % 40000), 'inwoner' || (g % 40000), (g % 900)::int,
          (SELECT string_agg((${vocabulary}::text[])[1 + floor(power(random(), 3) * ${vocabulary.length})::int], ' ') FROM generate_series(1, 10 + (g % 9)) AS w(i))
            || ' ' || (${names}::text[])[1 + floor(random() * ${names.length})::int],
          'openbaar', ${start}::timestamptz + g * interval '30 seconds', now(), true, 'search'
        FROM generate_series(${from}::int, ${to}::int) AS g
        RETURNING organisation_id, id, municipality_id, channel, author_handle, author_followers, text, posted_at
      )
      INSERT INTO listening_items (organisation_id, message_id, municipality_id, channel, author_handle, posted_at, language, tenor_auto, tenor_auto_source,
        tenor_confidence, tenor, exact_key, simhash, simhash_bands, duplicate_of, reach)
      SELECT organisation_id, id, municipality_id, channel, author_handle, posted_at, 'nl', t.tenor, 'lexicon', 0.5, t.tenor, md5(text), '0000000000000000', '{}', NULL, author_followers
      FROM inserted, LATERAL (SELECT (ARRAY['steun', 'kritiek', 'neutraal', 'gemengd'])[1 + abs(hashtext(text)) % 4] AS tenor) AS t`.execute(db);
  }
  await sql`ANALYZE messages, listening_items`.execute(db);
}

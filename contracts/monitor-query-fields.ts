import { CHANNELS } from './channels';
import { foldHandle, HANDLE_VALUE } from './monitor-query-text';

export const QUERY_FIELDS = ['auteur', 'bron', 'taal', 'gemeente', 'lijst', 'plaats'] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];

export type FieldValue = { value: string; near?: { lat: number; lon: number; radiusKm: number } };
// Offsets are relative to the start of the value; the parser adds where the value begins.
export type FieldProblem = { message: string; offset: number; length: number; hint?: string };
export type FieldResult = { ok: true; value: FieldValue } | { ok: false; problem: FieldProblem };

// Names people use for a source that Plein spells differently.
const SOURCE_ALIASES: Record<string, string> = { simulator: 'gesimuleerd', twitter: 'x', 'e-mail': 'email', mail: 'email', formulier: 'webformulier' };

// Language detection gives ISO 639-1 codes; people also type the three-letter code or the Dutch name.
const LANGUAGE_ALIASES: Record<string, string> = {
  nld: 'nl',
  dut: 'nl',
  nederlands: 'nl',
  eng: 'en',
  engels: 'en',
  deu: 'de',
  ger: 'de',
  duits: 'de',
  fra: 'fr',
  fre: 'fr',
  frans: 'fr',
  fry: 'fy',
  fries: 'fy',
  tur: 'tr',
  turks: 'tr',
  ara: 'ar',
  arabisch: 'ar',
  pol: 'pl',
  pools: 'pl',
  spa: 'es',
  spaans: 'es',
  pap: 'pap',
  papiaments: 'pap',
  ukr: 'uk',
  oekraiens: 'uk',
};

const CBS_CODE = /^GM\d{4}$/i;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const RADIUS = /^(\d+(?:[.,]\d+)?)\s*(km|m)?$/i;
export const MIN_RADIUS_KM = 0.01;
export const MAX_RADIUS_KM = 1000;
const MAX_LIST_NAME = 100;

export function normaliseLanguageCode(code: string): string {
  const lower = code.trim().toLowerCase();
  return LANGUAGE_ALIASES[lower] ?? lower;
}

export function parseFieldValue(field: QueryField, raw: string): FieldResult {
  switch (field) {
    case 'auteur':
      return parseAuthor(raw);
    case 'bron':
      return parseSource(raw);
    case 'taal':
      return parseLanguage(raw);
    case 'gemeente':
      return parseCbsCode(raw);
    case 'lijst':
      return parseListName(raw);
    case 'plaats':
      return CBS_CODE.test(raw) || /^gm/i.test(raw) ? parseCbsCode(raw) : parseRadius(raw);
  }
}

const ok = (value: string, near?: FieldValue['near']): FieldResult => ({ ok: true, value: near ? { value, near } : { value } });
const problem = (message: string, offset: number, length: number, hint?: string): FieldResult => ({
  ok: false,
  problem: hint ? { message, offset, length, hint } : { message, offset, length },
});

function parseAuthor(raw: string): FieldResult {
  const handle = foldHandle(raw);
  if (!HANDLE_VALUE.test(handle)) {
    return problem(`Ongeldige accountnaam "${raw}"`, 0, raw.length, 'Schrijf de naam zoals op het platform, bijvoorbeeld auteur:@gemeentehattem');
  }
  return ok(handle);
}

function parseSource(raw: string): FieldResult {
  const lower = raw.toLowerCase();
  const source = SOURCE_ALIASES[lower] ?? lower;
  if (!(CHANNELS as readonly string[]).includes(source)) {
    return problem(`Onbekende bron "${raw}"; kies uit ${CHANNELS.join(', ')}`, 0, raw.length);
  }
  return ok(source);
}

function parseLanguage(raw: string): FieldResult {
  const code = normaliseLanguageCode(raw);
  if (!/^[a-z]{2}$/.test(code) && !Object.values(LANGUAGE_ALIASES).includes(code)) {
    return problem(`Onbekende taal "${raw}"`, 0, raw.length, 'Gebruik een taalcode zoals nl, en, de, fy of tr');
  }
  return ok(code);
}

function parseCbsCode(raw: string): FieldResult {
  if (!CBS_CODE.test(raw)) return problem(`Ongeldige CBS-code "${raw}"; gebruik de vorm GM0383`, 0, raw.length);
  return ok(raw.toUpperCase());
}

function parseListName(raw: string): FieldResult {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name === '') return problem('De naam van de lijst ontbreekt', 0, raw.length, 'Bijvoorbeeld lijst:raadsleden of lijst:"pers regio"');
  if (name.length > MAX_LIST_NAME) return problem(`De naam van de lijst is te lang (meer dan ${MAX_LIST_NAME} tekens)`, 0, raw.length);
  return ok(name);
}

const EXAMPLE_PLACE = 'Bijvoorbeeld plaats:52.37,4.89~5km (punt en straal) of plaats:GM0383 (gemeentegrens)';

// "52.37,4.89~5km": a point in WGS84 decimal degrees and a radius in km (or m).
function parseRadius(raw: string): FieldResult {
  const tilde = raw.indexOf('~');
  const coordinates = tilde === -1 ? raw : raw.slice(0, tilde);
  const parts = coordinates.split(',');
  if (parts.length === 4) {
    return problem('Gebruik een punt als decimaalteken in coördinaten', 0, coordinates.length, EXAMPLE_PLACE);
  }
  if (parts.length !== 2) return problem(`Onbekende plaats "${raw}"`, 0, raw.length, EXAMPLE_PLACE);
  const [latText = '', lonText = ''] = parts;
  if (!NUMBER.test(latText)) return problem(`Ongeldige breedtegraad "${latText}"`, 0, latText.length, EXAMPLE_PLACE);
  const lonOffset = latText.length + 1;
  if (!NUMBER.test(lonText)) return problem(`Ongeldige lengtegraad "${lonText}"`, lonOffset, lonText.length, EXAMPLE_PLACE);
  const lat = roundTo(Number(latText), 6);
  const lon = roundTo(Number(lonText), 6);
  if (lat < -90 || lat > 90)
    return problem('De breedtegraad ligt tussen -90 en 90', 0, latText.length, 'Let op de volgorde: eerst breedte (52 in Nederland), dan lengte (4 à 7)');
  if (lon < -180 || lon > 180) return problem('De lengtegraad ligt tussen -180 en 180', lonOffset, lonText.length);
  if (tilde === -1) return problem('De straal ontbreekt', raw.length, 0, 'Zet de straal achter een ~, bijvoorbeeld plaats:52.37,4.89~5km');
  const radiusText = raw.slice(tilde + 1);
  const radius = RADIUS.exec(radiusText);
  if (!radius) return problem(`Ongeldige straal "${radiusText}"`, tilde + 1, radiusText.length, 'Geef de straal in km of m, bijvoorbeeld ~5km of ~500m');
  const amount = Number((radius[1] ?? '').replace(',', '.'));
  const radiusKm = roundTo(radius[2]?.toLowerCase() === 'm' ? amount / 1000 : amount, 3);
  if (radiusKm < MIN_RADIUS_KM || radiusKm > MAX_RADIUS_KM) {
    return problem('De straal ligt tussen 10 m en 1.000 km', tilde + 1, radiusText.length);
  }
  return ok(`${lat},${lon}~${radiusKm}km`, { lat, lon, radiusKm });
}

// Fixed precision (0.1 m for a point, 1 m for a radius) keeps printed numbers free of exponents, so a
// printed query reads back to exactly the same numbers. `|| 0` turns -0 into 0 for the same reason.
function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor || 0;
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NormalisedMessage } from '../../connector.types';

// The scenario engine: deterministic Dutch traffic from the data files in scenarios/. The same account
// and second always produce the same messages, so a poll repeated after a crash yields the same
// platform ids and nothing is stored twice.

interface Phase {
  fromMinute: number;
  toMinute: number | null;
  perHourFactor: number;
  mix: Record<string, number>;
}

export interface Scenario {
  name: string;
  description: string;
  phases: Phase[];
  templates: Record<string, string[]>;
}

const scenarioDir = join(dirname(fileURLToPath(import.meta.url)), 'scenarios');
const cache = new Map<string, Scenario>();
export const SCENARIOS = ['alledaags', 'crisis-brand'] as const;

export function loadScenario(name: string): Scenario {
  if (!(SCENARIOS as readonly string[]).includes(name)) throw new Error(`Onbekend scenario "${name}"; kies uit ${SCENARIOS.join(', ')}`);
  let scenario = cache.get(name);
  if (!scenario) {
    scenario = JSON.parse(readFileSync(join(scenarioDir, `${name}.json`), 'utf8')) as Scenario;
    cache.set(name, scenario);
  }
  return scenario;
}

// Drawn photos served at /simulator/fotos/<name>.svg; the melding's text decides which one fits.
export const SIMULATED_PHOTOS = ['stoeptegel', 'lantaarnpaal', 'afval'] as const;

function photoFor(text: string): string | null {
  if (/stoeptegel/i.test(text)) return 'stoeptegel';
  if (/lantaarnpaal|licht/i.test(text)) return 'lantaarnpaal';
  if (/afval|gedumpt|zwerfvuil|prullenbak|vuilniszak/i.test(text)) return 'afval';
  return null;
}

const STREETS = [
  'Dorpsstraat',
  'Kerkweg',
  'Stationsweg',
  'Molenlaan',
  'Beukenlaan',
  'Zeeweg',
  'Burgemeester Mooijstraat',
  'Duinweg',
  'Prinses Beatrixstraat',
  'Schoolstraat',
  'Julianaweg',
  'Geesterweg',
];
const FIRST_NAMES = [
  'Sanne',
  'Daan',
  'Fatima',
  'Jeroen',
  'Anouk',
  'Mohamed',
  'Lotte',
  'Bram',
  'Emma',
  'Kees',
  'Yasmina',
  'Pieter',
  'Noor',
  'Henk',
  'Ilse',
  'Tim',
];
const LAST_NAMES = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'El Amrani', 'de Boer', 'Mulder', 'Dekker', 'Yilmaz', 'Bos', 'Vos'];
const HASHTAGS = ['gemeente', 'afval', 'buurt', 'wijk', 'dorp'];
const INDUSTRIAL_ESTATES = ['De Boekel', 'Zandzoom', 'Noorderveld'];

// mulberry32: small, fast and good enough to pick templates; seeded per account and second.
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function seedOf(...parts: (string | number)[]): number {
  return createHash('sha1').update(parts.join('|')).digest().readUInt32LE(0);
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// Knuth's method; rates per second are small except in load tests, where the normal approximation takes over.
function poisson(random: () => number, mean: number): number {
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * (random() + random() + random() - 1.5) * 2));
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random();
  while (product > limit) {
    count++;
    product *= random();
  }
  return count;
}

function phaseAt(scenario: Scenario, minute: number): Phase {
  return scenario.phases.find((phase) => minute >= phase.fromMinute && (phase.toMinute === null || minute < phase.toMinute)) ?? scenario.phases[0]!;
}

function pickKind(random: () => number, mix: Record<string, number>): string {
  const total = Object.values(mix).reduce((sum, weight) => sum + weight, 0);
  let roll = random() * total;
  for (const [kind, weight] of Object.entries(mix)) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return Object.keys(mix)[0]!;
}

export interface SimulationTarget {
  accountId: string;
  accountHandle: string;
  municipalityName: string;
  scenario: Scenario;
  perHour: number;
  // Minute 0 of the scenario (the crisis script's onset counts from here).
  startedAt: Date;
  centre: { lat: number; lon: number };
}

function fill(template: string, random: () => number, target: SimulationTarget): string {
  const municipality = target.municipalityName.replace(/\s+/g, '');
  return template
    .replaceAll('{gemeente}', target.municipalityName)
    .replaceAll('brand{gemeente}', `brand${municipality}`)
    .replaceAll('{account}', target.accountHandle)
    .replaceAll('{straat2}', pick(random, STREETS))
    .replaceAll('{straat}', pick(random, STREETS))
    .replaceAll('{huisnummer}', String(1 + Math.floor(random() * 120)))
    .replaceAll('{hashtag}', pick(random, HASHTAGS))
    .replaceAll('{industrieterrein}', INDUSTRIAL_ESTATES[seedOf(target.accountId) % INDUSTRIAL_ESTATES.length]!);
}

function messageFor(target: SimulationTarget, second: number, index: number, random: () => number): NormalisedMessage {
  const minute = (second * 1000 - target.startedAt.getTime()) / 60_000;
  const kind = pickKind(random, phaseAt(target.scenario, minute).mix);
  const text = fill(pick(random, target.scenario.templates[kind] ?? ['…']), random, target);
  const photo = kind === 'melding' ? photoFor(text) : null;
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  const authorNumber = Math.floor(random() * 5_000);
  const handle = `${first.toLowerCase()}${authorNumber}`;
  const withPlace = kind === 'melding' || kind.startsWith('brand');
  const geo = withPlace ? { lat: target.centre.lat + (random() - 0.5) * 0.04, lon: target.centre.lon + (random() - 0.5) * 0.06 } : null;
  const platformId = `sim-${target.accountId.slice(0, 8)}-${second}-${index}`;
  return {
    platformId,
    author: { id: `sim-${handle}`, handle, displayName: `${first} ${last}`, followers: Math.floor(random() ** 3 * 20_000) },
    text,
    media:
      photo && random() < 0.7
        ? [{ url: `/simulator/fotos/${photo}.svg`, type: 'image', altText: `Gesimuleerde foto bij de melding: ${text.slice(0, 80)}` }]
        : [],
    links: [],
    mentions: [...text.matchAll(/@([\w.-]+)/g)].map((match) => match[1]!),
    hashtags: [...text.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((match) => match[1]!),
    replyToPlatformId: null,
    threadRootPlatformId: null,
    geo,
    language: 'nl',
    publicUrl: null,
    visibility: 'openbaar',
    postedAt: new Date(second * 1000 + Math.floor(random() * 1000)),
    raw: { simulated: true, scenario: target.scenario.name, kind },
  };
}

// All messages of the seconds [fromSecond, toSecond), at most `limit`; returns where it stopped.
export function simulate(target: SimulationTarget, fromSecond: number, toSecond: number, limit: number) {
  const messages: NormalisedMessage[] = [];
  let second = fromSecond;
  for (; second < toSecond; second++) {
    const random = prng(seedOf(target.accountId, second));
    const minute = (second * 1000 - target.startedAt.getTime()) / 60_000;
    const perSecond = (target.perHour * phaseAt(target.scenario, minute).perHourFactor) / 3600;
    const count = poisson(random, perSecond);
    if (messages.length + count > limit && messages.length > 0) break;
    for (let index = 0; index < count; index++) messages.push(messageFor(target, second, index, random));
  }
  return { messages, nextSecond: second };
}

import { parseMonitorQuery, type QueryNode } from '@contracts/monitor-query';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type Boundary, compileMonitorQuery, type MatchableItem, prepareItem } from './matcher.rules';

function query(text: string): QueryNode {
  const result = parseMonitorQuery(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return result.query;
}

function item(overrides: Partial<MatchableItem> = {}): MatchableItem {
  return {
    text: '',
    subject: null,
    hashtags: [],
    mentions: [],
    authorHandle: 'inwoner.bsky.social',
    channel: 'bluesky',
    language: 'nl',
    municipalityCode: 'GM0244',
    geo: null,
    authorLists: [],
    ...overrides,
  };
}

const matches = (text: string, overrides: Partial<MatchableItem>, boundaries?: Map<string, Boundary>) =>
  compileMonitorQuery(query(text), { boundaries }).matches(prepareItem(item(overrides)));
const inText = (text: string, message: string) => matches(text, { text: message });

describe('monitor matcher: woorden', () => {
  it('een woord telt alleen als heel woord, zonder verschil in hoofdletters of accenten', () => {
    expect(inText('afval', 'Het AFVAL ligt er nog.')).toBe(true);
    expect(inText('afval', 'Wat een afvalligheid')).toBe(false);
    expect(inText('afval', 'restafval')).toBe(false);
    expect(inText('cafe', 'Het Café op de hoek')).toBe(true);
    expect(inText('Café', 'cafe')).toBe(true);
    expect(inText('ijsbaan', 'De ĳsbaan is open')).toBe(true);
  });

  it('ook in het onderwerp (e-mail, formulier)', () => {
    expect(matches('afval', { subject: 'Afval niet opgehaald', text: 'Zie onderwerp' })).toBe(true);
  });

  it('woord* vindt woorden die ermee beginnen', () => {
    expect(inText('afval*', 'Waar is de afvalbak?')).toBe(true);
    expect(inText('afval*', 'afval')).toBe(true);
    expect(inText('afval*', 'restafval en zwerfvuil')).toBe(false);
    expect(inText('cafe*', 'Cafés vol')).toBe(true);
    expect(inText('zz*', 'a b c')).toBe(false);
    expect(inText('zz*', '')).toBe(false);
  });

  it('een zin vindt de woorden direct na elkaar, met dezelfde woordgrenzen als de tekst', () => {
    expect(inText('"gft container"', 'De GFT-container is vol')).toBe(true);
    expect(inText('gft-container', 'gft container')).toBe(true);
    expect(inText('"gft container"', 'container gft')).toBe(false);
    expect(inText('"gft container"', 'gft en container')).toBe(false);
    expect(inText('"a b"', 'a a b')).toBe(true);
    expect(inText('"a b c"', 'a b a b c')).toBe(true);
    expect(inText('"a b c"', 'x a b')).toBe(false);
  });

  it('een zin loopt niet van het onderwerp door in de tekst', () => {
    expect(matches('"gft container"', { subject: 'Over gft', text: 'container vol' })).toBe(false);
    expect(matches('"gft container"', { subject: 'Over gft container', text: 'vol' })).toBe(true);
  });
});

describe('monitor matcher: hashtags en accounts', () => {
  it('#hashtag in de lijst van het bericht of als #woord in de tekst', () => {
    expect(matches('#afval', { hashtags: ['Afval'] })).toBe(true);
    expect(matches('#afval', { hashtags: ['#AFVAL'] })).toBe(true);
    expect(inText('#afval', 'Weer eens #Afval op straat')).toBe(true);
    expect(inText('#afval', 'Weer eens afval op straat')).toBe(false);
    expect(inText('#afval', 'x#afval')).toBe(false);
    expect(inText('#afval', '#afvalbak')).toBe(false);
    // Het woord zelf staat ook in de tekst van een hashtag.
    expect(inText('afval', '#afval')).toBe(true);
  });

  it('@account: genoemd in de tekst, in de lijst van vermeldingen, of zelf de schrijver', () => {
    expect(inText('@gemeentehattem', 'Hoi @GemeenteHattem, de lamp is kapot.')).toBe(true);
    expect(matches('@gemeentehattem', { mentions: ['@gemeentehattem'] })).toBe(true);
    expect(matches('@gemeentehattem', { authorHandle: 'GemeenteHattem' })).toBe(true);
    expect(inText('@hattem.bsky.social', 'cc @hattem.bsky.social.')).toBe(true);
    expect(inText('@gemeente@social.overheid.nl', 'Via @gemeente@social.overheid.nl!')).toBe(true);
    expect(inText('@gemeentehattem', 'mail info@gemeentehattem')).toBe(false);
    expect(inText('@gemeentehattem', '@gemeentehattemfan')).toBe(false);
  });
});

describe('monitor matcher: velden', () => {
  it('auteur: alleen de schrijver, niet wie genoemd wordt', () => {
    expect(matches('auteur:@hattem', { authorHandle: '@Hattem' })).toBe(true);
    expect(matches('auteur:@hattem', { text: '@hattem' })).toBe(false);
  });

  it('bron, taal en gemeente', () => {
    expect(matches('bron:mastodon', { channel: 'mastodon' })).toBe(true);
    expect(matches('bron:mastodon', { channel: 'bluesky' })).toBe(false);
    expect(matches('bron:simulator', { channel: 'gesimuleerd' })).toBe(true);
    expect(matches('taal:nl', { language: 'NL' })).toBe(true);
    expect(matches('taal:nederlands', { language: 'nld' })).toBe(true);
    expect(matches('taal:nl', { language: null })).toBe(false);
    expect(matches('gemeente:GM0383', { municipalityCode: 'gm0383' })).toBe(true);
    expect(matches('gemeente:GM0383', { municipalityCode: 'GM0244' })).toBe(false);
  });

  it('lijst: een lijst waar de schrijver op staat, ongeacht hoofdletters en spaties', () => {
    expect(matches('lijst:raadsleden', { authorLists: ['Raadsleden', 'Pers'] })).toBe(true);
    expect(matches('lijst:"pers regio"', { authorLists: ['Pers  Regio'] })).toBe(true);
    expect(matches('lijst:pers', { authorLists: ['Pers Regio'] })).toBe(false);
  });

  it('plaats met straal: afstand over de aarde', () => {
    const dam = { lat: 52.3731, lon: 4.8926 };
    const haarlem = { lat: 52.3874, lon: 4.6462 }; // ongeveer 17 km van de Dam
    expect(matches('plaats:52.3728,4.8936~1km', { geo: dam })).toBe(true);
    expect(matches('plaats:52.3728,4.8936~100m', { geo: dam })).toBe(true);
    expect(matches('plaats:52.3728,4.8936~50m', { geo: dam })).toBe(false);
    expect(matches('plaats:52.3728,4.8936~5km', { geo: haarlem })).toBe(false);
    expect(matches('plaats:52.3728,4.8936~20km', { geo: haarlem })).toBe(true);
    expect(matches('plaats:52.3728,4.8936~1000km', { geo: null })).toBe(false);
    // Over de datumgrens heen.
    expect(matches('plaats:0,179.99~5km', { geo: { lat: 0, lon: -179.99 } })).toBe(true);
  });
});

// A simple square around Hattem, with a hole around its centre to prove holes count as outside.
const hattemSquare: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [6.0, 52.4],
      [6.2, 52.4],
      [6.2, 52.55],
      [6.0, 52.55],
      [6.0, 52.4],
    ],
    [
      [6.09, 52.47],
      [6.11, 52.47],
      [6.11, 52.49],
      [6.09, 52.49],
      [6.09, 52.47],
    ],
  ],
};
const twoIslands: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [4.0, 52.0],
        [4.1, 52.0],
        [4.1, 52.1],
        [4.0, 52.1],
        [4.0, 52.0],
      ],
    ],
    [
      [
        [5.0, 53.0],
        [5.1, 53.0],
        [5.1, 53.1],
        [5.0, 53.1],
        [5.0, 53.0],
      ],
    ],
  ],
};

describe('monitor matcher: binnen een gemeentegrens', () => {
  const boundaries = new Map<string, Boundary>([
    ['GM0244', hattemSquare],
    ['GM9999', { type: 'Feature', properties: {}, geometry: twoIslands }],
  ]);

  it('een punt binnen de grens, erbuiten, in een gat, of zonder locatie', () => {
    expect(matches('plaats:GM0244', { geo: { lat: 52.45, lon: 6.05 } }, boundaries)).toBe(true);
    expect(matches('plaats:GM0244', { geo: { lat: 52.3, lon: 6.05 } }, boundaries)).toBe(false);
    expect(matches('plaats:GM0244', { geo: { lat: 52.48, lon: 6.1 } }, boundaries)).toBe(false);
    expect(matches('plaats:GM0244', { geo: null }, boundaries)).toBe(false);
  });

  it('een MultiPolygon als GeoJSON-feature', () => {
    expect(matches('plaats:GM9999', { geo: { lat: 53.05, lon: 5.05 } }, boundaries)).toBe(true);
    expect(matches('plaats:GM9999', { geo: { lat: 52.5, lon: 4.5 } }, boundaries)).toBe(false);
  });

  it('zonder grens in de context vindt dat deel niets, en de matcher zegt welke grens ontbrak', () => {
    const compiled = compileMonitorQuery(query('plaats:GM0383 OF afval'), { boundaries });
    expect(compiled.missingBoundaries).toEqual(['GM0383']);
    expect(compiled.matches(item({ geo: { lat: 52.6, lon: 4.7 } }))).toBe(false);
    expect(compiled.matches(item({ text: 'afval' }))).toBe(true);
    expect(compileMonitorQuery(query('plaats:GM0244'), { boundaries }).missingBoundaries).toEqual([]);
  });
});

describe('monitor matcher: EN, OF, NIET', () => {
  it('combineert zoals de voorrang zegt', () => {
    expect(inText('afval gft', 'afval en gft')).toBe(true);
    expect(inText('afval gft', 'alleen afval')).toBe(false);
    expect(inText('afval OF gft', 'alleen gft')).toBe(true);
    expect(inText('afval NIET gft', 'afval zonder groente')).toBe(true);
    expect(inText('afval NIET gft', 'afval en gft')).toBe(false);
    expect(inText('a b OF c', 'c')).toBe(true);
    expect(inText('a (b OF c)', 'c')).toBe(false);
    expect(inText('a -(b OF c)', 'a b')).toBe(false);
    expect(inText('a NIET NIET b', 'a b')).toBe(true);
  });

  it('velden en woorden door elkaar', () => {
    const compiled = compileMonitorQuery(query('(afval OF #zwerfvuil) bron:bluesky -auteur:@gemeentehattem'));
    expect(compiled.matches(item({ text: 'Weer #zwerfvuil' }))).toBe(true);
    expect(compiled.matches(item({ text: 'Weer #zwerfvuil', channel: 'x' }))).toBe(false);
    expect(compiled.matches(item({ text: 'Afval opgehaald', authorHandle: 'gemeentehattem' }))).toBe(false);
  });

  it('één voorbereid bericht voor alle monitors; een gewoon bericht mag ook', () => {
    const monitors = ['afval', 'gft*', '"vol bak"', '#afval', 'bron:bluesky', 'taal:en'].map((text) => compileMonitorQuery(query(text)));
    const prepared = prepareItem(item({ text: 'De GFT-bak is vol, bak vol bak!' }));
    expect(monitors.map((monitor) => monitor.matches(prepared))).toEqual([false, true, true, false, true, false]);
    expect(monitors.map((monitor) => monitor.matches(item({ text: 'De GFT-bak is vol, bak vol bak!' })))).toEqual([false, true, true, false, true, false]);
  });

  it('een onbekend onderdeel uit de database wordt bij het compileren geweigerd, niet bij elk bericht', () => {
    expect(() => compileMonitorQuery({ kind: 'regex', value: '.*' } as unknown as QueryNode)).toThrow('Onbekend onderdeel');
  });
});

import { describe, expect, it } from 'vitest';
import { collectBoundaryCodes, formatMonitorQuery, parseMonitorQuery, type QueryNode } from './monitor-query';

function parse(input: string): QueryNode {
  const result = parseMonitorQuery(input);
  if (!result.ok) throw new Error(`verwacht geldig: ${input} → ${result.error.message}`);
  return result.query;
}

const term = (value: string, prefix = false): QueryNode => ({ kind: 'term', value, prefix });
const and = (...children: QueryNode[]): QueryNode => ({ kind: 'and', children });
const or = (...children: QueryNode[]): QueryNode => ({ kind: 'or', children });
const not = (child: QueryNode): QueryNode => ({ kind: 'not', child });

describe('monitorzoekvraag lezen', () => {
  it('een woord wordt klein en zonder accenten opgeslagen', () => {
    expect(parse('Afval')).toEqual(term('afval'));
    expect(parse('  Café ')).toEqual(term('cafe'));
    expect(parse('ĳsbaan')).toEqual(term('ijsbaan'));
  });

  it('een * aan het eind zoekt op begin van het woord', () => {
    expect(parse('afval*')).toEqual(term('afval', true));
    expect(parse('Straatverl*')).toEqual(term('straatverl', true));
  });

  it('een zin tussen aanhalingstekens wordt woorden in volgorde; leestekens scheiden woorden', () => {
    expect(parse('"GFT-container vol"')).toEqual({ kind: 'phrase', words: ['gft', 'container', 'vol'] });
    expect(parse('"afval"')).toEqual({ kind: 'phrase', words: ['afval'] });
    // Zonder aanhalingstekens is een woord met een streepje ook een zin: zo tokeniseert de matcher het.
    expect(parse('gft-container')).toEqual({ kind: 'phrase', words: ['gft', 'container'] });
    expect(parse("auto's")).toEqual({ kind: 'phrase', words: ['auto', 's'] });
  });

  it('hashtags en accounts', () => {
    expect(parse('#Afval')).toEqual({ kind: 'hashtag', value: 'afval' });
    expect(parse('#oud_en_nieuw')).toEqual({ kind: 'hashtag', value: 'oud_en_nieuw' });
    expect(parse('@GemeenteHattem')).toEqual({ kind: 'mention', value: 'gemeentehattem' });
    expect(parse('@hattem.bsky.social')).toEqual({ kind: 'mention', value: 'hattem.bsky.social' });
    expect(parse('@gemeente@social.overheid.nl')).toEqual({ kind: 'mention', value: 'gemeente@social.overheid.nl' });
  });

  it('naast elkaar is EN, met EN/AND expliciet hetzelfde', () => {
    expect(parse('afval gft')).toEqual(and(term('afval'), term('gft')));
    expect(parse('afval EN gft AND rest')).toEqual(and(term('afval'), term('gft'), term('rest')));
  });

  it('OF en OR; EN gaat vóór OF', () => {
    expect(parse('afval OF gft OR rest')).toEqual(or(term('afval'), term('gft'), term('rest')));
    expect(parse('a b OF c')).toEqual(or(and(term('a'), term('b')), term('c')));
    expect(parse('a OF b c')).toEqual(or(term('a'), and(term('b'), term('c'))));
    expect(parse('a OF b EN c OF d')).toEqual(or(term('a'), and(term('b'), term('c')), term('d')));
  });

  it('NIET, NOT en een minteken; NIET gaat vóór EN', () => {
    expect(parse('afval NIET gft')).toEqual(and(term('afval'), not(term('gft'))));
    expect(parse('afval NOT gft')).toEqual(and(term('afval'), not(term('gft'))));
    expect(parse('afval -gft')).toEqual(and(term('afval'), not(term('gft'))));
    expect(parse('afval -"gft bak"')).toEqual(and(term('afval'), not({ kind: 'phrase', words: ['gft', 'bak'] })));
    expect(parse('afval -(gft OF rest)')).toEqual(and(term('afval'), not(or(term('gft'), term('rest')))));
    expect(parse('NIET a b')).toEqual(and(not(term('a')), term('b')));
    expect(parse('a NIET NIET b')).toEqual(and(term('a'), not(not(term('b')))));
    expect(parse('a --b')).toEqual(and(term('a'), not(not(term('b')))));
  });

  it('kleine letters en, of, niet zijn gewone woorden', () => {
    expect(parse('afval of gft')).toEqual(and(term('afval'), term('of'), term('gft')));
    expect(parse('niet')).toEqual(term('niet'));
  });

  it('een streepje midden in een woord is geen NIET', () => {
    expect(parse('a-b')).toEqual({ kind: 'phrase', words: ['a', 'b'] });
  });

  it('haakjes groeperen; gelijke groepen worden samengevoegd', () => {
    expect(parse('(a OF b) c')).toEqual(and(or(term('a'), term('b')), term('c')));
    expect(parse('(a b) c')).toEqual(and(term('a'), term('b'), term('c')));
    expect(parse('((a))')).toEqual(term('a'));
    expect(parse('a(b OF c)')).toEqual(and(term('a'), or(term('b'), term('c'))));
    expect(parse('"a"b')).toEqual(and({ kind: 'phrase', words: ['a'] }, term('b')));
  });

  it('velden met hun vaste schrijfwijze', () => {
    expect(parse('auteur:@Hattem')).toEqual({ kind: 'field', field: 'auteur', value: 'hattem' });
    expect(parse('auteur:hattem')).toEqual({ kind: 'field', field: 'auteur', value: 'hattem' });
    expect(parse('bron:Bluesky')).toEqual({ kind: 'field', field: 'bron', value: 'bluesky' });
    expect(parse('bron:simulator')).toEqual({ kind: 'field', field: 'bron', value: 'gesimuleerd' });
    expect(parse('bron:twitter')).toEqual({ kind: 'field', field: 'bron', value: 'x' });
    expect(parse('taal:NL')).toEqual({ kind: 'field', field: 'taal', value: 'nl' });
    expect(parse('taal:nld')).toEqual({ kind: 'field', field: 'taal', value: 'nl' });
    expect(parse('taal:fries')).toEqual({ kind: 'field', field: 'taal', value: 'fy' });
    expect(parse('gemeente:gm0383')).toEqual({ kind: 'field', field: 'gemeente', value: 'GM0383' });
    expect(parse('lijst:raadsleden')).toEqual({ kind: 'field', field: 'lijst', value: 'raadsleden' });
    expect(parse('lijst:"Pers   regio"')).toEqual({ kind: 'field', field: 'lijst', value: 'Pers regio' });
    expect(parse('BRON:x')).toEqual({ kind: 'field', field: 'bron', value: 'x' });
  });

  it('plaats als punt met straal of als gemeentegrens', () => {
    expect(parse('plaats:52.37,4.89~5km')).toEqual({ kind: 'field', field: 'plaats', value: '52.37,4.89~5km', near: { lat: 52.37, lon: 4.89, radiusKm: 5 } });
    expect(parse('plaats:52.37,4.89~500m')).toEqual({
      kind: 'field',
      field: 'plaats',
      value: '52.37,4.89~0.5km',
      near: { lat: 52.37, lon: 4.89, radiusKm: 0.5 },
    });
    expect(parse('plaats:52.37,4.89~2,5')).toMatchObject({ near: { radiusKm: 2.5 } });
    expect(parse('plaats:-33.9,-18.4~1km')).toMatchObject({ near: { lat: -33.9, lon: -18.4 } });
    expect(parse('plaats:gm0244')).toEqual({ kind: 'field', field: 'plaats', value: 'GM0244' });
  });

  it('velden combineren met de rest', () => {
    expect(parse('afval bron:x -auteur:@gemeente')).toEqual(
      and(term('afval'), { kind: 'field', field: 'bron', value: 'x' }, not({ kind: 'field', field: 'auteur', value: 'gemeente' })),
    );
  });

  it('dubbele ontkenning vindt iets en is dus toegestaan; NIET binnen een EN met iets positiefs ook', () => {
    expect(parse('NIET NIET afval').kind).toBe('not');
    expect(parse('NIET (NIET a OF NIET b)').kind).toBe('not');
    expect(parse('(a OF b) NIET c').kind).toBe('and');
  });
});

describe('monitorzoekvraag afdrukken', () => {
  it('schrijft de vaste vorm met EN, OF en NIET', () => {
    const printed = formatMonitorQuery(parse('(Afval OF gft*) -"vol bak" #Oud @Hattem lijst:"pers regio" plaats:52.37,4.89~500m'));
    expect(printed).toBe('(afval OF gft*) EN NIET "vol bak" EN #oud EN @hattem EN lijst:"pers regio" EN plaats:52.37,4.89~0.5km');
    expect(formatMonitorQuery(parse('a OF b c'))).toBe('a OF b EN c');
    expect(formatMonitorQuery(parse('NIET (a b) c'))).toBe('NIET (a EN b) EN c');
    expect(formatMonitorQuery(parse('auteur:hattem'))).toBe('auteur:@hattem');
  });

  it('noemt de gemeentegrenzen die een zoekvraag nodig heeft', () => {
    expect(collectBoundaryCodes(parse('a (plaats:GM0244 OF plaats:gm0383) -plaats:GM0244 plaats:52,5~1km'))).toEqual(['GM0244', 'GM0383']);
  });
});

import { describe, expect, it } from 'vitest';
import { describeQueryError, parseMonitorQuery } from './monitor-query';

// [query, part of the Dutch message, position, length]
type Case = [string, string, number, number];

function expectError([input, message, position, length]: Case) {
  const result = parseMonitorQuery(input);
  expect(result.ok, input).toBe(false);
  if (result.ok) return;
  expect(result.error.message, input).toContain(message);
  expect({ position: result.error.position, length: result.error.length }, input).toEqual({ position, length });
}

const cases: Record<string, Case[]> = {
  'lege zoekvraag': [
    ['', 'De zoekvraag is leeg', 0, 0],
    ['   ', 'De zoekvraag is leeg', 0, 3],
  ],
  'te lang en te diep': [
    ['a '.repeat(1001), 'te lang: 2002 tekens, het maximum is 2.000', 2000, 2],
    [`${'('.repeat(21)}a${')'.repeat(21)}`, 'te diep genest', 20, 1],
    [`a ${'-'.repeat(21)}b`, 'te diep genest', 22, 1],
    [`a ${'NIET '.repeat(21)}b`, 'te diep genest', 102, 4],
  ],
  aanhalingstekens: [
    ['afval "gft bak', 'Aanhalingsteken " wordt niet gesloten', 6, 8],
    ['lijst:"pers', 'Aanhalingsteken " wordt niet gesloten', 6, 5],
    ['"a" "', 'Aanhalingsteken " wordt niet gesloten', 4, 1],
    ['"  "', 'Tussen de aanhalingstekens staat geen woord', 0, 4],
  ],
  haakjes: [
    ['(afval OF gft', 'Haakje ")" ontbreekt', 13, 0],
    ['(afval OF gft   ', 'Haakje ")" ontbreekt', 13, 0],
    ['((a) b', 'Haakje ")" ontbreekt', 6, 0],
    ['afval OF gft)', 'Haakje ")" zonder "(" ervoor', 12, 1],
    [')afval', 'Haakje ")" zonder "(" ervoor', 0, 1],
    ['a ()', 'Lege haakjes', 2, 2],
    ['( )', 'Lege haakjes', 0, 3],
    ['a (', 'Na "(" ontbreekt een zoekterm', 2, 1],
  ],
  'operator zonder zoekterm': [
    ['afval OF', 'Na "OF" ontbreekt een zoekterm', 6, 2],
    ['afval OR', 'Na "OR" ontbreekt een zoekterm', 6, 2],
    ['EN afval', 'Vóór "EN" ontbreekt een zoekterm', 0, 2],
    ['OF', 'Vóór "OF" ontbreekt een zoekterm', 0, 2],
    ['afval EN OF gft', 'Na "EN" ontbreekt een zoekterm', 6, 2],
    ['(afval OF) gft', 'Na "OF" ontbreekt een zoekterm', 7, 2],
    ['( OF a)', 'Vóór "OF" ontbreekt een zoekterm', 2, 2],
  ],
  'NIET zonder zoekterm': [
    ['NIET', 'Na "NIET" ontbreekt wat er niet in mag staan', 0, 4],
    ['afval NIET', 'Na "NIET" ontbreekt wat er niet in mag staan', 6, 4],
    ['afval NOT OF gft', 'Na "NOT" ontbreekt wat er niet in mag staan', 6, 3],
    ['afval -', 'Los minteken', 6, 1],
    ['afval - gft', 'Los minteken', 6, 1],
    ['(afval -)', 'Los minteken', 7, 1],
    ['afval -OF gft', 'Na "-" ontbreekt wat er niet in mag staan', 6, 1],
  ],
  'alleen uitsluiten': [
    ['NIET afval', 'sluit alleen uit', 0, 10],
    ['-afval -gft', 'sluit alleen uit', 0, 11],
    ['afval OF -gft', 'sluit alleen uit', 9, 4],
    ['(NIET a)', 'sluit alleen uit', 1, 6],
    ['a OF (b OF NIET c)', 'sluit alleen uit', 11, 6],
  ],
  'onbekend veld': [
    ['stad:x', 'Onbekend veld "stad"; kies uit auteur, bron, taal, gemeente, lijst of plaats', 0, 4],
    ['afval Stad:"den haag"', 'Onbekend veld "Stad"', 6, 4],
    ['https://gemeente.nl', 'Onbekend veld "https"', 0, 5],
  ],
  'ongeldige waarde': [
    ['bron:', 'Na "bron:" ontbreekt een waarde', 0, 5],
    ['lijst:""', 'Na "lijst:" ontbreekt een waarde', 0, 8],
    ['bron:myspace', 'Onbekende bron "myspace"; kies uit bluesky, mastodon, x,', 5, 7],
    ['taal:klingon', 'Onbekende taal "klingon"', 5, 7],
    ['gemeente:0383', 'Ongeldige CBS-code "0383"', 9, 4],
    ['plaats:GM38', 'Ongeldige CBS-code "GM38"', 7, 4],
    ['auteur:@', 'Ongeldige accountnaam "@"', 7, 1],
    ['auteur:a/b', 'Ongeldige accountnaam "a/b"', 7, 3],
    [`lijst:${'x'.repeat(101)}`, 'De naam van de lijst is te lang', 6, 101],
    ['plaats:52.37,4.89', 'De straal ontbreekt', 17, 0],
    ['plaats:52.37,4.89~0km', 'De straal ligt tussen 10 m en 1.000 km', 18, 3],
    ['plaats:52.37,4.89~2000km', 'De straal ligt tussen 10 m en 1.000 km', 18, 6],
    ['plaats:52.37,4.89~vijf', 'Ongeldige straal "vijf"', 18, 4],
    ['plaats:95,4.89~5km', 'De breedtegraad ligt tussen -90 en 90', 7, 2],
    ['plaats:52.37,abc~5km', 'Ongeldige lengtegraad "abc"', 13, 3],
    ['plaats:x,4.89~5km', 'Ongeldige breedtegraad "x"', 7, 1],
    ['plaats:52.37,190~5km', 'De lengtegraad ligt tussen -180 en 180', 13, 3],
    ['plaats:52,37,4,89~5km', 'Gebruik een punt als decimaalteken', 7, 10],
    ['plaats:amsterdam', 'Onbekende plaats "amsterdam"', 7, 9],
    ['afval lijst:"pers regio" plaats:"52.37,4.89"', 'De straal ontbreekt', 43, 0],
  ],
  'hashtags, accounts en *': [
    ['#', 'Na "#" ontbreekt de hashtag', 0, 1],
    ['a #af-val', 'Ongeldige hashtag "#af-val"', 2, 7],
    ['@', 'Na "@" ontbreekt de accountnaam', 0, 1],
    ['@-x', 'Ongeldige accountnaam "@-x"', 0, 3],
    ['af*val', 'Een * mag alleen aan het eind van een woord staan', 2, 1],
    ['*', 'Een * hoort achter een woord', 0, 1],
    ['a*', 'Zet minstens twee letters vóór de *', 0, 2],
    ['gft-bak*', 'Een * werkt op één woord', 0, 8],
    ['afval ...', '"..." bevat geen letters of cijfers', 6, 3],
  ],
};

describe('monitorzoekvraag: elke fout in het Nederlands, op de juiste plek', () => {
  for (const [group, groupCases] of Object.entries(cases)) {
    it(group, () => groupCases.forEach(expectError));
  }

  it('sommige fouten geven een hint', () => {
    const result = parseMonitorQuery('NIET afval');
    expect(!result.ok && result.error.hint).toBe('Zet er iets naast dat er wél in moet staan, bijvoorbeeld: afval NIET gft');
    const open = parseMonitorQuery('(afval OF gft');
    expect(!open.ok && open.error.hint).toBe('Het haakje "(" op positie 1 wordt niet gesloten');
  });
});

describe('een fout in één regel beschrijven', () => {
  it('toont de plek met ▮, 1-geteld, met de tekst eromheen', () => {
    const input = 'melding over (afval OF gft';
    const result = parseMonitorQuery(input);
    if (result.ok) throw new Error('fout verwacht');
    expect(describeQueryError(input, result.error)).toBe(
      'Haakje ")" ontbreekt bij positie 27: …g over (afval OF gft▮. Het haakje "(" op positie 14 wordt niet gesloten',
    );
  });

  it('kort tekst aan beide kanten in en maakt van regeleinden spaties', () => {
    const input = `${'woord '.repeat(5)}stad:x\n${'meer '.repeat(5)}`;
    const result = parseMonitorQuery(input);
    if (result.ok) throw new Error('fout verwacht');
    expect(describeQueryError(input, result.error)).toBe(
      'Onbekend veld "stad"; kies uit auteur, bron, taal, gemeente, lijst of plaats bij positie 31: …d woord woord woord ▮stad:x meer meer mee…',
    );
  });
});

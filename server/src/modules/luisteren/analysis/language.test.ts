import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.rules';

describe('detectLanguage', () => {
  it.each([
    ['nl', 'De gemeenteraad vergadert donderdag over het bestemmingsplan'],
    ['nl', 'Let op: de N11 is dicht'],
    ['nl', 'Al weken ligt er afval naast de container en niemand doet er iets aan'],
    ['nl', 'Wat een toestand met die afvalinzameling in onze wijk'],
    ['en', 'The road to the station has been closed again, what a mess'],
    ['en', 'Does anyone know when the town hall opens on Saturday?'],
    ['de', 'Die Straße nach Venlo ist wieder gesperrt, das ist wirklich ärgerlich'],
    ['de', 'Wir haben heute keine Parkplätze in der Innenstadt gefunden'],
    ['fr', 'La route vers la gare est encore fermée, quel désordre'],
    ['tr', 'Yol yine kapalı, belediye hiçbir şey yapmıyor'],
    ['tr', 'Bugün Alphen de çok trafik var, yol kapalı'],
    ['ar', 'الطريق مغلق مرة أخرى والبلدية لا تفعل شيئا'],
    ['pl', 'Droga znowu jest zamknięta, nikt nic nie robi'],
    ['pl', 'Dzisiaj w centrum jest bardzo duży korek'],
  ])('%s: %s', (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('keeps Dutch with English loanwords Dutch', () => {
    expect(detectLanguage('Super meeting vandaag over de nieuwe skatebaan, echt top')).toBe('nl');
    expect(detectLanguage('Heel veel last van de roadworks in de Dorpsstraat, echt een no-go')).toBe('nl');
    expect(detectLanguage('Nice, de nieuwe foodtrucks op het plein zijn een hit')).toBe('nl');
  });

  it('says nothing about texts too short to tell', () => {
    for (const text of ['ok', 'top', 'Bedankt!', 'Fijn', '😡😡', 'https://t.co/xyz', '@gemeente', '', '12:30']) {
      expect(detectLanguage(text), text).toBeNull();
    }
  });

  it('answers for short texts only when the evidence is unambiguous', () => {
    expect(detectLanguage('شكرا جزيلا')).toBe('ar');
    expect(detectLanguage('Is het niet?')).toBe('nl');
  });

  it('ignores links, mentions and hashtag signs', () => {
    expect(detectLanguage('@gemeente de weg is weer dicht https://t.co/abc #alphen')).toBe('nl');
  });
});

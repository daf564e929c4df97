import { describe, expect, it } from 'vitest';
import { cleanBio, splitWords, suggestNetworkGroup } from './network-suggestion.rules';

const suggest = (name: string | null, handle = 'account', bio: string | null = null, lists: string[] = []) => suggestNetworkGroup({ name, handle, bio, lists });

describe('netwerkgroep voorstellen', () => {
  it('splitst namen en handles in woorden zonder hoofdletters en accenten', () => {
    expect(splitWords('OmroepCastricum')).toEqual(['omroep', 'castricum']);
    expect(splitWords('VVCastricum')).toEqual(['vv', 'castricum']);
    expect(splitWords('Radio105FM')).toEqual(['radio105', 'fm']);
    expect(splitWords('Café de_Zwaan-Bergen')).toEqual(['cafe', 'de', 'zwaan', 'bergen']);
  });

  it('vindt elk van de zeven groepen aan een woord in naam of accountnaam, en zegt welk', () => {
    expect(suggest('Piet Jansen, raadslid VVD Castricum')).toEqual({ group: 'politiek-overheid', words: ['raadslid', 'vvd'], lists: [] });
    expect(suggest(null, 'politiebergen')).toMatchObject({ group: 'politiek-overheid', words: ['politie'] });
    expect(suggest('Brandweer Noord-Holland Noord')).toMatchObject({ group: 'politiek-overheid', words: ['brandweer'] });
    expect(suggest('Bakkerij De Korenschoof')).toMatchObject({ group: 'bedrijfsleven', words: ['bakkerij'] });
    expect(suggest('Jansen Installaties B.V.')).toMatchObject({ group: 'bedrijfsleven' });
    expect(suggest('Omroep Castricum', 'castricum105')).toEqual({ group: 'media', words: ['omroep'], lists: [] });
    expect(suggest('Radio Bergen FM')).toMatchObject({ group: 'media', words: ['radio', 'fm'] });
    expect(suggest('Noordhollands Dagblad')).toMatchObject({ group: 'media', words: ['dagblad'] });
    expect(suggest('VV Castricum')).toMatchObject({ group: 'sport', words: ['vv'] });
    expect(suggest(null, 'fcbergen')).toMatchObject({ group: 'sport', words: ['fc'] });
    expect(suggest('Hockeyclub Bergen')).toMatchObject({ group: 'sport', words: ['hockey'] });
    expect(suggest('Bibliotheek Kennemerwaard')).toMatchObject({ group: 'kunst-cultuur', words: ['bibliotheek'] });
    expect(suggest('Gemengd Koor Vox Humana', 'voxhumana')).toMatchObject({ group: 'kunst-cultuur', words: ['koor'] });
    expect(suggest('Scouting Jan van Hoof')).toMatchObject({ group: 'verenigingsleven', words: ['scouting'] });
    expect(suggest('Historische Vereniging Oud Castricum')).toMatchObject({ group: 'verenigingsleven', words: ['historische', 'vereniging'] });
    expect(suggest('Huisartsenpraktijk Duinzicht')).toMatchObject({ group: 'non-profit', words: ['huisarts'] });
    expect(suggest('Jongerenwerk Bergen')).toMatchObject({ group: 'non-profit', words: ['jongerenwerk'] });
  });

  it('laat een specifiek woord zwaarder wegen dan een algemeen (stichting, school, vereniging)', () => {
    expect(suggest('Stichting Muziekschool Castricum')).toMatchObject({ group: 'kunst-cultuur' });
    expect(suggest('Sportschool Fit')).toMatchObject({ group: 'sport' });
    expect(suggest('Ondernemersvereniging Bergen')).toMatchObject({ group: 'bedrijfsleven' });
    expect(suggest('Voedselbank Castricum')).toMatchObject({ group: 'verenigingsleven' });
    expect(suggest('Dierenambulance Kennemerland')).toMatchObject({ group: 'non-profit' });
    // A generic word alone is no evidence.
    expect(suggest('Stichting Dorpsbelang')).toEqual({ group: null, words: [], lists: [] });
  });

  it('trapt niet in woorden die een trefwoord bevatten zonder het te betekenen', () => {
    expect(suggest('Transport Groot')).toMatchObject({ group: null });
    expect(suggest('Natuurlijk Anders')).toMatchObject({ group: null });
    expect(suggest('Persoonlijk Bekeken')).toMatchObject({ group: null });
    expect(suggest('Jan Bakker')).toMatchObject({ group: null });
    expect(suggest('Bezorgde Buurvrouw')).toMatchObject({ group: null });
  });

  it('laat een bio alleen meetellen met twee woorden, zodat een inwoner die van voetbal houdt inwoner blijft', () => {
    expect(suggest('Jan de Vries', 'jandevries', 'Vader van twee, voetballiefhebber')).toMatchObject({ group: null });
    expect(suggest('Marieke', 'marieke_nh', 'Redacteur bij het Noordhollands Dagblad')).toMatchObject({ group: 'media', words: ['redacteur', 'dagblad'] });
  });

  it('geeft een lijst voorrang: wie op Raadsleden staat is politiek, wie op Pers staat media, en zegt welke lijst', () => {
    expect(suggest('Piet', 'piet1970', null, ['Raadsleden'])).toEqual({ group: 'politiek-overheid', words: [], lists: ['Raadsleden'] });
    expect(suggest('Voetbalfan Kees', 'kees', null, ['Pers'])).toEqual({ group: 'media', words: [], lists: ['Pers'] });
    expect(suggest('Gemeente Heiloo', 'heiloo', null, ['Regiogemeenten'])).toMatchObject({ group: 'politiek-overheid', lists: ['Regiogemeenten'] });
    // A list whose name says nothing about a group leaves the name to decide.
    expect(suggest('Omroep Bergen', 'omroepbergen', null, ['Criticasters'])).toMatchObject({ group: 'media', lists: [] });
  });

  it('geeft niets voor een gewone inwoner', () => {
    expect(suggest('Anna de Boer', 'anna1234')).toEqual({ group: null, words: [], lists: [] });
    expect(suggest(null, 'x')).toEqual({ group: null, words: [], lists: [] });
  });

  it('maakt een Mastodon-bio (HTML) tot gewone tekst', () => {
    expect(cleanBio('<p>Redacteur bij <a href="https://x">Omroep</a>&nbsp;Bergen</p>')).toBe('Redacteur bij Omroep Bergen');
    expect(cleanBio('  ')).toBeNull();
    expect(cleanBio(null)).toBeNull();
  });
});

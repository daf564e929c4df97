import { BUILT_IN_TEXTS, fillPlaceholders, pickStandardText } from '@contracts/melding-texts';
import { describe, expect, it } from 'vitest';
import {
  collectPlaceholderValues,
  findCommonTransitions,
  findUnfilledPlaceholders,
  readMeldingFilters,
  readMeldingView,
  toApiQuery,
  toMeldingSearchParams,
} from './melding-logic';

describe('meldingen: filters, overgangen en standaardteksten', () => {
  it('leest filters uit het adres en negeert wat niet klopt', () => {
    const params = new URLSearchParams('status=ingepland&te-laat=ja&van=2026-11-01&tot=1-11-2026&weergave=kaart&categorie=abc');
    expect(readMeldingFilters(params)).toEqual({ status: 'ingepland', categoryId: 'abc', municipalityId: '', overdue: 'ja', from: '2026-11-01', until: '' });
    expect(readMeldingView(params)).toBe('kaart');
    expect(readMeldingFilters(new URLSearchParams('status=onzin&te-laat=misschien'))).toMatchObject({ status: '', overdue: '' });
    expect(toMeldingSearchParams(readMeldingFilters(params), 'kaart').toString()).toBe(
      'status=ingepland&categorie=abc&te-laat=ja&van=2026-11-01&weergave=kaart',
    );
  });

  it('vraagt tot en met een dag: tot het begin van de volgende dag in Amsterdam', () => {
    const query = toApiQuery({ status: '', categoryId: '', municipalityId: '', overdue: '', from: '2026-03-29', until: '2026-03-29' });
    expect(query.from).toBe('2026-03-29T00:00:00+01:00');
    expect(query.until).toBe('2026-03-30T00:00:00+02:00');
  });

  it('biedt bij meer meldingen alleen de statussen die voor elk ervan mogen', () => {
    expect(findCommonTransitions(['gemeld', 'gemeld'])).toEqual([
      'in-behandeling',
      'ingepland',
      'wacht-op-informatie',
      'doorgezet-naar-extern',
      'afgehandeld',
      'geannuleerd',
    ]);
    expect(findCommonTransitions(['gemeld', 'ingepland'])).toEqual(['in-behandeling', 'wacht-op-informatie', 'afgehandeld', 'geannuleerd']);
    expect(findCommonTransitions(['afgehandeld', 'gemeld'])).toEqual([]);
    expect(findCommonTransitions([])).toEqual([]);
  });

  it('vult de invulvelden in zoals de server dat doet en wijst achtergebleven velden aan', () => {
    const melding = { number: '2026-00012', categoryName: 'Dood dier', address: null, createdAt: '2026-11-23T08:00:00Z', deadline: '2026-11-30T22:59:59.999Z' };
    const values = collectPlaceholderValues(melding, 'Castricum', 'Bea');
    const filled = fillPlaceholders(BUILT_IN_TEXTS['doorgezet-naar-extern'], values);
    expect(filled).toBe(
      'Uw melding 2026-00012 (Dood dier) valt niet onder de gemeente Castricum. We hebben haar doorgestuurd naar de organisatie die erover gaat.',
    );
    expect(fillPlaceholders('Vóór {afhandeldatum} bij {adres}, {medewerker}', values)).toBe('Vóór 30 november 2026 bij de plek op de kaart, Bea');
    expect(findUnfilledPlaceholders(fillPlaceholders('Beste {naam}, melding {nummer}', values))).toEqual(['{naam}']);
    for (const text of Object.values(BUILT_IN_TEXTS)) {
      expect(findUnfilledPlaceholders(fillPlaceholders(text, values))).toEqual([]);
    }
  });

  it('kiest de standaardtekst van de categorie boven die van de hoofdcategorie en die voor alle', () => {
    const texts = [
      { categoryId: null, status: 'afgehandeld', body: 'alle' },
      { categoryId: 'hoofd', status: 'afgehandeld', body: 'hoofd' },
      { categoryId: 'sub', status: 'afgehandeld', body: 'sub' },
      { categoryId: 'sub', status: 'ingepland', body: 'sub ingepland' },
    ];
    expect(pickStandardText(texts, { id: 'sub', parentId: 'hoofd' }, 'afgehandeld')?.body).toBe('sub');
    expect(pickStandardText(texts, { id: 'ander', parentId: 'hoofd' }, 'afgehandeld')?.body).toBe('hoofd');
    expect(pickStandardText(texts, { id: 'ander', parentId: null }, 'afgehandeld')?.body).toBe('alle');
    expect(pickStandardText(texts, { id: 'ander', parentId: null }, 'heropend')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { apiQuery, commonTransitions, fillPlaceholders, filtersFromParams, paramsFrom, unfilledPlaceholders, viewFromParams } from './melding-logic';
import { STANDARD_TEXTS } from './meldingen-messages';

describe('meldingen: filters, overgangen en standaardteksten', () => {
  it('leest filters uit het adres en negeert wat niet klopt', () => {
    const params = new URLSearchParams('status=ingepland&te-laat=ja&van=2026-11-01&tot=1-11-2026&weergave=kaart&categorie=abc');
    expect(filtersFromParams(params)).toEqual({ status: 'ingepland', categoryId: 'abc', municipalityId: '', overdue: 'ja', from: '2026-11-01', until: '' });
    expect(viewFromParams(params)).toBe('kaart');
    expect(filtersFromParams(new URLSearchParams('status=onzin&te-laat=misschien'))).toMatchObject({ status: '', overdue: '' });
    expect(paramsFrom(filtersFromParams(params), 'kaart').toString()).toBe('status=ingepland&categorie=abc&te-laat=ja&van=2026-11-01&weergave=kaart');
  });

  it('vraagt tot en met een dag: tot het begin van de volgende dag in Amsterdam', () => {
    const query = apiQuery({ status: '', categoryId: '', municipalityId: '', overdue: '', from: '2026-03-29', until: '2026-03-29' });
    expect(query.from).toBe('2026-03-29T00:00:00+01:00');
    expect(query.until).toBe('2026-03-30T00:00:00+02:00');
  });

  it('biedt bij meer meldingen alleen de statussen die voor elk ervan mogen', () => {
    expect(commonTransitions(['gemeld', 'gemeld'])).toEqual(['in-behandeling', 'ingepland', 'wacht-op-informatie', 'doorgezet-naar-extern', 'afgehandeld', 'geannuleerd']);
    expect(commonTransitions(['gemeld', 'ingepland'])).toEqual(['in-behandeling', 'wacht-op-informatie', 'afgehandeld', 'geannuleerd']);
    expect(commonTransitions(['afgehandeld', 'gemeld'])).toEqual([]);
    expect(commonTransitions([])).toEqual([]);
  });

  it('vult de invulvelden in en wijst achtergebleven velden aan', () => {
    const filled = fillPlaceholders(STANDARD_TEXTS['doorgezet-naar-extern'], { nummer: '2026-00012', categorie: 'Dood dier', gemeente: 'Castricum' });
    expect(filled).toBe('Uw melding 2026-00012 (Dood dier) valt niet onder de gemeente Castricum. We hebben haar doorgestuurd naar de organisatie die erover gaat.');
    expect(unfilledPlaceholders(filled)).toEqual([]);
    expect(unfilledPlaceholders(fillPlaceholders('Beste {naam}, melding {nummer}', { nummer: '1', categorie: '', gemeente: '' }))).toEqual(['{naam}']);
    for (const text of Object.values(STANDARD_TEXTS)) {
      expect(unfilledPlaceholders(fillPlaceholders(text, { nummer: 'n', categorie: 'c', gemeente: 'g' }))).toEqual([]);
    }
  });
});

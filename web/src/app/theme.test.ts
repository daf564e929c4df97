import { describe, expect, it } from 'vitest';
import { computeContrastRatio, deriveAccentColours } from './theme';

describe('huisstijlkleur als accent', () => {
  it('kiest witte tekst op donker en zwarte op licht, altijd met minstens 4,5:1', () => {
    for (const colour of ['#005a8c', '#1d6b3a', '#8a2d12', '#5b2a86', '#ffcc00', '#99d000', '#777777', '#01689b', '#ffffff', '#000000']) {
      const { accent, text, onWhite } = deriveAccentColours(colour);
      expect(computeContrastRatio(accent, text), colour).toBeGreaterThanOrEqual(4.5);
      expect(computeContrastRatio(onWhite, '#ffffff'), `${colour} als linkkleur`).toBeGreaterThanOrEqual(4.5);
    }
    expect(deriveAccentColours('#ffcc00').text).toBe('#000000');
    expect(deriveAccentColours('#005a8c').text).toBe('#ffffff');
  });

  it('valt terug op de standaardkleur bij een ongeldige waarde', () => {
    expect(deriveAccentColours('rood').accent).toBe('#01689b');
    expect(deriveAccentColours(null).accent).toBe('#01689b');
  });
});

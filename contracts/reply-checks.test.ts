import { describe, expect, it } from 'vitest';
import { checkReply, deriveInitials, findPersonalData, findPromiseWords, passesElfproef, withSignature } from './reply-checks';

describe('controles vóór versturen', () => {
  it('houdt een niet-ingevulde plaatshouder tegen', () => {
    const check = checkReply({ channel: 'x', text: 'Beste {naam}, in {gemeente} kan dat.', public: true });
    expect(check.blocking).toEqual([{ code: 'plaatshouder-niet-ingevuld', message: expect.stringContaining('{naam}, {gemeente}') }]);
    expect(checkReply({ channel: 'x', text: 'Beste Sanne, dat kan.', public: true }).blocking).toEqual([]);
  });

  it('waarschuwt voor beloftes, als heel woord en ongeacht hoofdletters', () => {
    expect(findPromiseWords('Dat is Morgen  geregeld, dat beloof ik. Altijd!')).toEqual(['morgen geregeld', 'beloof', 'altijd']);
    expect(findPromiseWords('Het altijdgroene plantsoen en de nooitgedachte oplossing')).toEqual([]);
    expect(findPromiseWords('Dat is 100% zeker weten zo')).toEqual(['100%', 'zeker weten']);
    const check = checkReply({ channel: 'x', text: 'Dat is gegarandeerd direct opgelost.', public: true });
    expect(check.blocking).toEqual([]);
    expect(check.warnings.map((w) => w.code)).toEqual(['belofte']);
    expect(check.warnings[0]!.message).toContain('"gegarandeerd", "direct opgelost"');
  });

  it('herkent persoonsgegevens, maar niet de nummers van de gemeente', () => {
    const kinds = (text: string) => findPersonalData(text).map((found) => found.code);
    expect(kinds('Mail naar s.devries@example.nl')).toEqual(['e-mailadres']);
    expect(kinds('Bel 06-12345678 of +31 6 1234 5678')).toEqual(['telefoonnummer']);
    expect(kinds('Bel ons op 14 0251 of 0251 123 456')).toEqual([]);
    expect(kinds('Woont u op 1901 AB 12?')).toEqual(['adres']);
    expect(kinds('Dorpsstraat 12, 1901 AB Castricum')).toEqual(['adres']);
    expect(kinds('De postcode 1901 AB valt onder Castricum')).toEqual([]);
    expect(passesElfproef('111222333')).toBe(true);
    expect(passesElfproef('123456789')).toBe(false);
    expect(kinds('Uw BSN 111222333.')).toEqual(['bsn']);
    expect(kinds('Zaaknummer 123456789')).toEqual([]);
  });

  it('waarschuwt alleen bij een openbaar antwoord, en raadt privé aan waar het kanaal dat kan', () => {
    const text = 'Wij bellen u op 0612345678.';
    expect(checkReply({ channel: 'x', text, public: false }).warnings).toEqual([]);
    expect(checkReply({ channel: 'x', text, public: true }).warnings[0]!.message).toContain('Antwoord privé');
    expect(checkReply({ channel: 'bluesky', text, public: true }).warnings[0]!.message).toContain('Haal het weg');
  });

  it('te lang zonder draad houdt tegen; met draad wordt het een genummerde reeks (1/3)', () => {
    const long = Array.from({ length: 90 }, (_, i) => `woord${i}`).join(' ');
    const facebook = checkReply({ channel: 'linkedin', text: 'x'.repeat(3_001), public: true });
    expect(facebook.blocking.map((p) => p.code)).toEqual(['tekst-te-lang']);
    const bluesky = checkReply({ channel: 'bluesky', text: long, public: true });
    expect(bluesky.blocking).toEqual([]);
    expect(bluesky.length.fits).toBe(false);
    expect(bluesky.parts.length).toBeGreaterThan(1);
    expect(bluesky.parts[0]).toMatch(/ \(1\/\d\)$/);
    expect(checkReply({ channel: 'bluesky', text: 'Kort antwoord', public: true }).parts).toEqual(['Kort antwoord']);
  });

  it('ondertekent met initialen', () => {
    expect(deriveInitials('Bea Beheer')).toBe('BB');
    expect(deriveInitials('Jan van der Berg')).toBe('JB');
    expect(withSignature('Graag gedaan!  ', 'BB')).toBe('Graag gedaan! ^BB');
  });
});

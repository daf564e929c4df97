import { describe, expect, it } from 'vitest';
import { checkLength, countText, replyIsPublic, splitIntoThread } from './channel-limits';

describe('tekstlengte zoals elk platform telt', () => {
  it('X telt gewogen met twitter-text: een link is 23, CJK en emoji tellen dubbel', () => {
    expect(countText('x', 'Hallo')).toBe(5);
    expect(countText('x', `Zie https://www.gemeente.nl/${'heel-lang-pad/'.repeat(10)}`)).toBe(4 + 23);
    expect(countText('x', '日本')).toBe(4);
    expect(countText('x', '👍')).toBe(2);
    expect(checkLength('x', '日'.repeat(140)).fits).toBe(true);
    expect(checkLength('x', '日'.repeat(141)).fits).toBe(false);
  });

  it('Bluesky telt grafemen: een samengestelde emoji is één teken', () => {
    expect(countText('bluesky', '🏳️‍🌈')).toBe(1);
    expect(countText('bluesky', 'é')).toBe(1);
    expect(checkLength('bluesky', 'a'.repeat(300))).toEqual({ length: 300, max: 300, fits: true });
    expect(checkLength('bluesky', 'a'.repeat(301)).fits).toBe(false);
  });

  it('Mastodon telt een link als 23 en een vermelding alleen met de naam vóór de server', () => {
    expect(countText('mastodon', 'https://example.com/een/heel/lang/pad/dat/veel/langer/is/dan/drieëntwintig')).toBe(23);
    expect(countText('mastodon', '@gemeente@social.overheid.nl hoi')).toBe('@gemeente hoi'.length);
  });

  it('e-mail heeft geen grens; Instagram 2.200, LinkedIn 3.000, Facebook 63.206', () => {
    expect(checkLength('email', 'x'.repeat(100_000)).fits).toBe(true);
    expect(checkLength('instagram', 'x'.repeat(2_201)).fits).toBe(false);
    expect(checkLength('linkedin', 'x'.repeat(3_000)).fits).toBe(true);
    expect(checkLength('facebook', 'x'.repeat(63_207)).fits).toBe(false);
  });

  it('knipt een lange tekst in genummerde delen die elk passen, op woordgrenzen', () => {
    const text = Array.from({ length: 120 }, (_, i) => `woord${i}`).join(' ');
    const parts = splitIntoThread('bluesky', text);
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((part, index) => {
      expect(countText('bluesky', part)).toBeLessThanOrEqual(300);
      expect(part.endsWith(` (${index + 1}/${parts.length})`)).toBe(true);
    });
    expect(parts.map((part) => part.replace(/ \(\d+\/\d+\)$/, '')).join(' ')).toBe(text);
    expect(splitIntoThread('bluesky', 'kort')).toEqual(['kort']);
  });
});

describe('replyIsPublic: wie leest ons antwoord mee', () => {
  it('is openbaar onder een openbare post op een sociaal kanaal, niet in privé of op e-mail en WhatsApp', () => {
    for (const channel of ['bluesky', 'mastodon', 'x', 'facebook', 'instagram', 'linkedin'] as const)
      expect(replyIsPublic(channel, 'openbaar'), channel).toBe(true);
    for (const channel of ['x', 'mastodon', 'facebook', 'instagram', 'gesimuleerd'] as const) expect(replyIsPublic(channel, 'prive'), channel).toBe(false);
    // Private channels stay private even if a message were ever labelled public.
    for (const channel of ['email', 'whatsapp', 'webformulier'] as const) expect(replyIsPublic(channel, 'openbaar'), channel).toBe(false);
  });
});

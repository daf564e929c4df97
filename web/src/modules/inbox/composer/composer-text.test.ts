import { checkReply } from '@contracts/reply-checks';
import { describe, expect, it } from 'vitest';
import { composeArticleReply, fillReplyText, insertAt } from './composer-text';

describe('antwoordvenster: teksten invoegen', () => {
  const context = { residentName: 'Sanne', municipalityName: 'Castricum', agentName: 'Bea Beheer', initials: 'BB' };

  it('vult de plaatshouders die het kent; een onbekende blijft staan en houdt versturen tegen', () => {
    expect(fillReplyText('Hoi {naam}, in {gemeente} kan dat. Groet, {medewerker} {initialen}', context)).toBe(
      'Hoi Sanne, in Castricum kan dat. Groet, Bea ^BB',
    );
    const withoutName = fillReplyText('Hoi {naam}!', { ...context, residentName: null });
    expect(withoutName).toBe('Hoi {naam}!');
    expect(checkReply({ channel: 'x', text: withoutName, public: true }).blocking[0]?.code).toBe('plaatshouder-niet-ingevuld');
  });

  it('maakt van een artikel één antwoord met contact en link', () => {
    expect(composeArticleReply({ answer: 'Via het Omgevingsloket.', contact: 'Team Vergunningen, 14 0251', link: 'https://www.omgevingsloket.nl' })).toBe(
      'Via het Omgevingsloket. Vragen? Team Vergunningen, 14 0251. https://www.omgevingsloket.nl',
    );
    expect(composeArticleReply({ answer: 'Ja.', contact: '', link: null })).toBe('Ja.');
  });

  it('voegt in bij de cursor, met spaties ertussen', () => {
    expect(insertAt('Hoi!Groet', 'Dat kan.', 4)).toEqual({ text: 'Hoi! Dat kan. Groet', cursor: 13 });
    expect(insertAt('', 'Dat kan.', 0)).toEqual({ text: 'Dat kan.', cursor: 8 });
  });
});

// The help text next to the monitor editor, kept beside the parser so the two change together.
export const MONITOR_QUERY_SYNTAX: { example: string; explanation: string }[] = [
  { example: 'afval', explanation: 'Het woord afval, los (niet in afvalbak). Hoofdletters en accenten maken niet uit.' },
  { example: 'afval*', explanation: 'Woorden die met afval beginnen: afval, afvalbak, afvalinzameling.' },
  { example: '"gft container"', explanation: 'Deze woorden direct na elkaar.' },
  { example: 'afval gft', explanation: 'Beide woorden (hetzelfde als afval EN gft).' },
  { example: 'afval OF gft', explanation: 'Minstens één van beide. EN gaat vóór OF: a b OF c is (a b) OF c.' },
  { example: 'afval NIET gft', explanation: 'Wel afval, geen gft. -gft betekent hetzelfde als NIET gft.' },
  { example: '(afval OF vuil) container', explanation: 'Haakjes bepalen wat bij elkaar hoort.' },
  { example: '#afval', explanation: 'De hashtag, in de hashtags van het bericht of als #afval in de tekst.' },
  { example: '@gemeentehattem', explanation: 'Berichten die dit account noemen of die het zelf schreef.' },
  { example: 'auteur:@gemeentehattem', explanation: 'Alleen berichten van dit account.' },
  {
    example: 'bron:bluesky',
    explanation: 'Alleen uit deze bron (bluesky, mastodon, x, facebook, instagram, linkedin, whatsapp, email, rss, webformulier, telefoon, gesimuleerd).',
  },
  { example: 'taal:nl', explanation: 'Alleen in deze taal (nl, en, de, fy, tr, …).' },
  { example: 'gemeente:GM0244', explanation: 'Alleen berichten over deze gemeente (CBS-code).' },
  { example: 'lijst:raadsleden', explanation: 'Alleen van auteurs op deze lijst; met spaties: lijst:"pers regio".' },
  { example: 'plaats:52.44,6.06~5km', explanation: 'Alleen berichten met een locatie binnen 5 km van dit punt (ook ~500m).' },
  { example: 'plaats:GM0244', explanation: 'Alleen berichten met een locatie binnen de gemeentegrens.' },
];

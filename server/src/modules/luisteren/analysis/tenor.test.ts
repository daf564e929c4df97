import { describe, expect, it } from 'vitest';
import { CLEAR_EVIDENCE, scoreTenorByLexicon, type Tenor } from './tenor.rules';
import { TENOR_EXAMPLES } from './tenor-examples.data';

const tenorOf = (text: string) => scoreTenorByLexicon(text).tenor;

describe('scoreTenorByLexicon on hand-written municipal posts', () => {
  it(`gets at least 85% of ${TENOR_EXAMPLES.length} posts right, and every tenor at least 70%`, () => {
    const perTenor = new Map<Tenor, { right: number; total: number }>();
    const wrong: string[] = [];
    for (const { text, tenor } of TENOR_EXAMPLES) {
      const got = tenorOf(text);
      const tally = perTenor.get(tenor) ?? { right: 0, total: 0 };
      tally.total += 1;
      if (got === tenor) tally.right += 1;
      else wrong.push(`${tenor} → ${got}: ${text}`);
      perTenor.set(tenor, tally);
    }
    const right = TENOR_EXAMPLES.length - wrong.length;
    expect(TENOR_EXAMPLES.length).toBeGreaterThanOrEqual(60);
    expect(right / TENOR_EXAMPLES.length, wrong.join('\n')).toBeGreaterThanOrEqual(0.85);
    for (const [tenor, { right: correct, total }] of perTenor) expect(correct / total, tenor).toBeGreaterThanOrEqual(0.7);
  });
});

describe('negation', () => {
  it('flips praise into criticism, weaker than the opposite word', () => {
    expect(tenorOf('De nieuwe weg is goed')).toBe('steun');
    expect(tenorOf('De nieuwe weg is niet goed')).toBe('kritiek');
    expect(scoreTenorByLexicon('niet goed').negative).toBeLessThan(scoreTenorByLexicon('slecht').negative);
  });

  it('turns a negated complaint into mild praise', () => {
    expect(tenorOf('Geen overlast meer gehad')).toBe('steun');
    expect(tenorOf('Sinds de nieuwe regels nooit meer overlast')).toBe('steun');
    expect(scoreTenorByLexicon('niet slecht').positive).toBeLessThan(scoreTenorByLexicon('goed').positive);
  });

  it('reaches a few words ahead but stops at a clause boundary', () => {
    expect(tenorOf('Ik vind het niet echt heel mooi')).toBe('kritiek');
    expect(tenorOf('Niet alleen snel, maar ook netjes opgelost')).toBe('steun');
    expect(tenorOf('Niemand kwam opdagen, het park is wel mooi')).toBe('steun');
  });

  it('"helemaal niet" is stronger than "niet"', () => {
    expect(scoreTenorByLexicon('helemaal niet veilig').negative).toBeGreaterThan(scoreTenorByLexicon('niet veilig').negative);
  });

  it('reads fixed negative phrases as a whole', () => {
    expect(tenorOf('Drie keer gemeld en er wordt niks aan gedaan')).toBe('kritiek');
    expect(tenorOf('Nog steeds geen reactie van de gemeente')).toBe('kritiek');
    expect(tenorOf('Dit is toch niet normaal meer')).toBe('kritiek');
  });
});

describe('intensifiers and downtoners', () => {
  it('strengthen or soften the next sentiment word', () => {
    const plain = scoreTenorByLexicon('mooi').positive;
    expect(scoreTenorByLexicon('heel erg mooi').positive).toBeGreaterThan(plain);
    expect(scoreTenorByLexicon('ontzettend mooi').positive).toBeGreaterThan(plain);
    expect(scoreTenorByLexicon('een beetje mooi').positive).toBeLessThan(plain);
  });

  it('count as their own meaning when nothing follows', () => {
    expect(tenorOf('Dat is wel erg')).toBe('kritiek');
    expect(tenorOf('Super!')).toBe('steun');
  });

  it('"te" before a good word means too much of it', () => {
    expect(tenorOf('Er wordt hier te snel gereden')).toBe('kritiek');
    expect(scoreTenorByLexicon('te laat').negative).toBeGreaterThan(scoreTenorByLexicon('laat').negative);
  });
});

describe('emoji, emoticons and exclamation marks', () => {
  it('carry tenor on their own', () => {
    expect(tenorOf('Het nieuwe plein 😡')).toBe('kritiek');
    expect(tenorOf('Het nieuwe plein 👍')).toBe('steun');
    expect(tenorOf('Nieuwe bankjes in het park ❤️')).toBe('steun');
    expect(tenorOf('weer de container vergeten :(')).toBe('kritiek');
    expect(tenorOf('Gezien :)')).toBe('steun');
  });

  it('"!" strengthens the clause it closes but does not create a tenor', () => {
    expect(scoreTenorByLexicon('Wat een ramp!!!').negative).toBeGreaterThan(scoreTenorByLexicon('Wat een ramp').negative);
    expect(tenorOf('Let op!!! Morgen geen markt')).not.toBe('steun');
  });
});

describe('gemengd and neutraal', () => {
  it('is gemengd when clear praise and clear criticism are balanced', () => {
    expect(tenorOf('Fijn dat de weg open is, maar de omleiding is een ramp')).toBe('gemengd');
  });

  it('is not gemengd when one side clearly dominates', () => {
    expect(tenorOf('Prachtig, fantastisch en geweldig gedaan, alleen een beetje rommelig')).toBe('steun');
  });

  it('leaves informational posts neutraal', () => {
    for (const text of [
      'De gemeenteraad vergadert donderdag over het bestemmingsplan',
      'Let op: de N11 is dicht',
      'Het gemeentehuis is op Koningsdag gesloten',
      'De nieuwe grote sporthal opent in maart',
      '',
      'https://t.co/xyz',
    ]) {
      const score = scoreTenorByLexicon(text);
      expect(score.tenor, text).toBe('neutraal');
      expect(Math.max(score.positive, score.negative)).toBeLessThan(CLEAR_EVIDENCE);
    }
  });
});

describe('Pattern NL adjectives and their Dutch inflections', () => {
  it('finds attributive and comparative forms of listed adjectives', () => {
    expect(tenorOf('Wat een vieze boel')).toBe('kritiek');
    expect(tenorOf('Een lelijke, saaie gevel')).toBe('kritiek');
    expect(tenorOf('Een aantrekkelijker centrum')).toBe('steun');
    expect(tenorOf('Dat is een aardige ambtenaar')).toBe('steun');
  });

  it('ignores the adjective senses that are prepositions or descriptions here', () => {
    expect(tenorOf('Ik ga naar de markt')).toBe('neutraal');
  });
});

describe('the score', () => {
  it('keeps confidence within 0..1 and grows with evidence', () => {
    const one = scoreTenorByLexicon('goed');
    const three = scoreTenorByLexicon('goed, mooi en fantastisch');
    for (const score of [one, three, scoreTenorByLexicon(''), scoreTenorByLexicon('mooi maar slecht')]) {
      expect(score.confidence).toBeGreaterThanOrEqual(0);
      expect(score.confidence).toBeLessThanOrEqual(1);
    }
    expect(three.confidence).toBeGreaterThan(one.confidence);
  });
});

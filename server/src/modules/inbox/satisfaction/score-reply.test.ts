import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSatisfactionReply } from './score-reply.rules';

describe('parseSatisfactionReply: een antwoord in het gesprek als cijfer lezen', () => {
  it.each([
    ['4', 4, null],
    ['4/5', 4, null],
    ['4 / 5', 4, null],
    ['4 van 5', 4, null],
    ['4 van de 5', 4, null],
    ['3 uit 5', 3, null],
    ['vier', 4, null],
    ['Vier!', 4, null],
    ['vijf van vijf', 5, null],
    ['één', 1, null],
    ['Een ster', 1, null],
    ['5 sterren', 5, null],
    ['5 sterren, top!', 5, 'top!'],
    ['2 punten', 2, null],
    ['4, prima geholpen', 4, 'prima geholpen'],
    ['4 prima geholpen', 4, 'prima geholpen'],
    ['2 want het duurde lang', 2, 'want het duurde lang'],
    ['Een 3. Het duurde lang', 3, 'Het duurde lang'],
    ['een vier', 4, null],
    ["'n 5", 5, null],
    ['een 5 voor de snelle reactie', 5, 'voor de snelle reactie'],
    ['Ik geef jullie een 4, want het ging snel', 4, 'want het ging snel'],
    ['ik geef 5!', 5, null],
    ['Cijfer: 2. Niemand belde terug.', 2, 'Niemand belde terug.'],
    ['mijn cijfer is 3', 3, null],
    ['5/5 top!', 5, 'top!'],
    ['4 - snel en vriendelijk', 4, 'snel en vriendelijk'],
    ['4 – snel en vriendelijk', 4, 'snel en vriendelijk'],
    ['1 (zeer ontevreden)', 1, '(zeer ontevreden)'],
    ['4 👍', 4, '👍'],
    ['4️⃣', 4, null],
    ['⭐⭐⭐⭐', 4, null],
    ['★★★★☆ Prima', 4, 'Prima'],
    ['4\nPrima geholpen door Kees', 4, 'Prima geholpen door Kees'],
    ['  5  ', 5, null],
    ['@gemeentebergen.bsky.social 4, prima', 4, 'prima'],
    ['@gemeente @wethouder 5!', 5, null],
    ['Bedankt! 5', 5, 'Bedankt!'],
    ['Dank je wel, 4', 4, 'Dank je wel'],
    ['Bedankt voor de hulp! 4/5', 4, 'Bedankt voor de hulp!'],
    ['2, wanneer komt de vuilniswagen nu echt?', 2, 'wanneer komt de vuilniswagen nu echt?'],
    // An e-mail reply quotes the question below the resident's words.
    [
      '4, snel geholpen\n\nOp 23 nov. 2026 om 09:00 schreef Gemeente Bergen <info@bergen.nl>:\n> Hoe tevreden bent u? Geef een cijfer van 1 tot 5',
      4,
      'snel geholpen',
    ],
    ['5\n\nMet vriendelijke groet,\nJoke Jansen', 5, null],
    ['> Hoe tevreden bent u? Geef een cijfer van 1 tot 5\n3', 3, null],
  ])('%j is een %d (toelichting %j)', (text, score, comment) => {
    expect(parseSatisfactionReply(text)).toEqual({ score, comment });
  });

  it.each([
    ['wanneer komt de vuilniswagen?', 'een vraag zonder cijfer'],
    ['ik heb 2 vragen', 'het getal staat niet vooraan'],
    ['2 vragen nog: wanneer komt de vuilniswagen?', 'een getal met een zelfstandig naamwoord'],
    ['3 dagen later nog steeds niks', 'een duur'],
    ['4 uur gewacht', 'een duur'],
    ['1 vraag', 'een aantal'],
    ['Een paar vragen', '"een" als lidwoord'],
    ['Twee containers staan er nog', 'een aantal in woorden'],
    ['Vier jaar wacht ik al op een antwoord', 'een duur in woorden'],
    ['ik geef twee voorbeelden: de Dorpsstraat en de Kerkweg', '"ik geef" zonder cijfer'],
    ['om 4 uur', 'een tijd'],
    ['4:30 stond hij er nog', 'een tijd'],
    ['4,5', 'een decimaal: geen van de vijf cijfers'],
    ['3.50 euro betaald', 'een bedrag'],
    ['3-4', 'een bereik'],
    ['8', 'een schoolcijfer van 1 tot 10'],
    ['8/10', 'een andere schaal'],
    ['4/10', 'een andere schaal'],
    ['3 van 10', 'een andere schaal'],
    ['10', 'buiten 1–5'],
    ['0', 'buiten 1–5'],
    ['6', 'buiten 1–5'],
    ['-2', 'geen cijfer'],
    ['3x gebeld en niemand nam op', 'een aantal keer'],
    ['2e melding hierover!', 'een rangtelwoord'],
    ['1. Wanneer komt de vuilniswagen? 2. En het grofvuil?', 'een genummerde lijst'],
    ['Hoi! Mijn container is weer niet geleegd', 'een nieuwe vraag'],
    ['', 'niets'],
    ['👍', 'geen cijfer'],
    ['Score', 'geen cijfer'],
  ])('%j is geen cijfer (%s)', (text) => {
    expect(parseSatisfactionReply(text)).toBeNull();
  });

  it('geeft voor elke tekst niets of een cijfer van 1 tot 5 met een korte toelichting, en loopt nooit vast', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3_000 }), (text) => {
        const reply = parseSatisfactionReply(text);
        if (reply === null) return;
        expect([1, 2, 3, 4, 5]).toContain(reply.score);
        expect(reply.comment === null || [...reply.comment].length <= 1_000).toBe(true);
      }),
    );
  });

  it('kort een lange toelichting in tot 1000 tekens', () => {
    expect([...parseSatisfactionReply(`4, ${'heel '.repeat(400)}goed`)!.comment!].length).toBe(1_000);
  });
});

import { describe, expect, it } from 'vitest';
import { scoreTenorByLexicon } from './tenor.rules';

// Posts like the simulator's (and the crisis script's) that the lexicon once got wrong: "enorme" is a size,
// "waar kan ik terecht" asks where to go, "kan beter" and "nietsnutten" are criticism.
describe('tenor van alledaagse en crisisberichten', () => {
  it.each([
    ['Enorme rookwolk boven industrieterrein De Boekel in Castricum!! Wat is hier aan de hand?', 'neutraal'],
    ['@gemeente waar kunnen we terecht als we ons huis uit moeten?', 'neutraal'],
    ['@gemeente waarom duurt een antwoord op mijn mail al drie weken? Dit kan echt beter.', 'kritiek'],
    ['@gemeente stelletje nietsnutten, jullie doen nooit iets!!!', 'kritiek'],
    ['Er is weer afval gedumpt bij de container aan de Dorpsstraat. Matrassen en vuilniszakken.', 'kritiek'],
    ['@gemeente waarom hoor ik niks via NL-Alert?', 'kritiek'],
    ['Het is terecht dat de raad dit besluit neemt, goed zo', 'steun'],
  ])('%s → %s', (text, tenor) => {
    expect(scoreTenorByLexicon(text).tenor).toBe(tenor);
  });
});

import { describe, expect, it } from 'vitest';
import { scoreTenorByLexicon, type Tenor } from './tenor.rules';
import { TENOR_EXAMPLES } from './tenor-examples.data';
import { classifyTenor, MIN_TRAINING_EXAMPLES, type TenorModel, trainTenorModel } from './tenor-model.rules';

// In this municipality "de wethouder gaat door met de windmolens" is always said in anger, though no
// word in it is negative: the analysts keep correcting the lexicon's neutraal to kritiek.
const subjects = ['de windmolens', 'het windpark', 'die windmolens', 'de windturbines', 'dat windpark'];
const openings = ['De wethouder gaat door met', 'Wethouder zet door met', 'Gemeente gaat gewoon door met', 'Het college drukt door:', 'Ze gaan toch door met'];
const endings = ['', ' in de polder', ' bij Zuidbroek', ' ondanks de inspraak', ' #windmolens'];

function windmillCorrections(count: number): Array<{ text: string; tenor: Tenor }> {
  const examples: Array<{ text: string; tenor: Tenor }> = [];
  for (let index = 0; examples.length < count; index += 1) {
    const text = `${openings[index % 5]} ${subjects[Math.floor(index / 5) % 5]}${endings[Math.floor(index / 25) % 5]}`;
    examples.push({ text, tenor: 'kritiek' });
  }
  return examples;
}

// The rest of the training set: the analysts confirm the lexicon on ordinary posts.
const confirmations = TENOR_EXAMPLES.slice(0, 40);

describe('trainTenorModel', () => {
  it('needs enough examples of at least two tenors', () => {
    expect(trainTenorModel(TENOR_EXAMPLES.slice(0, MIN_TRAINING_EXAMPLES - 1))).toBeNull();
    expect(trainTenorModel(windmillCorrections(50))).toBeNull();
    expect(trainTenorModel(TENOR_EXAMPLES.slice(0, MIN_TRAINING_EXAMPLES))).toBeNull(); // all steun
    expect(trainTenorModel(TENOR_EXAMPLES.slice(10, 10 + MIN_TRAINING_EXAMPLES))).not.toBeNull();
  });

  it('survives a round trip through JSON unchanged in what it predicts', () => {
    const model = trainTenorModel([...confirmations, ...windmillCorrections(30)])!;
    const stored = JSON.parse(JSON.stringify(model)) as TenorModel;
    expect(stored).toEqual(model);
    expect(stored.version).toBe(1);
    expect(stored.trainedOn).toBe(70);
    for (const { text } of TENOR_EXAMPLES) expect(classifyTenor(text, stored)).toEqual(classifyTenor(text, model));
  });
});

describe('classifyTenor', () => {
  it('uses the lexicon when there is no model', () => {
    expect(classifyTenor('Wat een mooi park', null)).toMatchObject({ tenor: 'steun', source: 'lexicon' });
  });

  it('learns from corrections where the lexicon is wrong, on variants it has not seen', () => {
    const heldOut = [
      'Wethouder gaat gewoon door met die windmolens in de polder',
      'En de gemeente gaat door met het windpark',
      'Het college gaat door met de windturbines bij Zuidbroek',
      'Ze zetten gewoon door met die windmolens',
    ];
    for (const text of heldOut) expect(scoreTenorByLexicon(text).tenor, text).toBe('neutraal');
    const model = trainTenorModel([...confirmations, ...windmillCorrections(40)])!;
    for (const text of heldOut) expect(classifyTenor(text, model), text).toMatchObject({ tenor: 'kritiek', source: 'model' });
  });

  it('keeps the lexicon for texts that share nothing with the training set', () => {
    const model = trainTenorModel([...confirmations, ...windmillCorrections(40)])!;
    expect(classifyTenor('Xylofoonconcert zaterdag', model)).toMatchObject({ source: 'lexicon' });
  });

  it('does not forget what the lexicon got right on ordinary posts', () => {
    const model = trainTenorModel([...confirmations, ...windmillCorrections(40)])!;
    const unseen = TENOR_EXAMPLES.slice(40);
    const right = unseen.filter(({ text, tenor }) => classifyTenor(text, model).tenor === tenor).length;
    const lexiconRight = unseen.filter(({ text, tenor }) => scoreTenorByLexicon(text).tenor === tenor).length;
    expect(right).toBeGreaterThanOrEqual(lexiconRight - 3);
  });

  it('reports a confidence between 0 and 1', () => {
    const model = trainTenorModel([...confirmations, ...windmillCorrections(40)])!;
    for (const { text } of TENOR_EXAMPLES) {
      const { confidence } = classifyTenor(text, model);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });
});

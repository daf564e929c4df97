import { scoreTenorByLexicon, TENORS, type Tenor } from './tenor.rules';
import { tokenize } from './tokenize.rules';

// A small per-organisation tenor model learned from the analysts' corrections: naive Bayes over words
// and word pairs (each counted once per post) with Laplace smoothing, and the lexicon's verdict as the
// prior. The model overrides the lexicon only where the organisation's own labelled words outweigh that
// prior: a municipality where "de wethouder gaat door met de windmolens" is always said in anger
// teaches it that, whatever the adjectives say, while posts about anything else keep the lexicon.
//
// Corrections are not a sample of the stream (analysts correct where the lexicon errs, and may never
// label a neutral post), so two guards keep a skewed training set from taking over:
// - only words whose labels concentrate on one tenor are kept ("de", "gemeente" are in every tenor's
//   posts and say nothing);
// - the lexicon's verdict is the prior, so a post with no informative word keeps the lexicon's tenor.
// Stored as plain JSON in the database; classifying compiles it once into Maps (cached per object).

export interface TenorModel {
  version: 1;
  trainedOn: number;
  // Index i of every per-class array below belongs to TENORS[i].
  documents: number[];
  featureTotals: number[];
  vocabularySize: number;
  // Per kept feature: in how many training posts of each tenor it occurs.
  features: Record<string, number[]>;
}

export const MIN_TRAINING_EXAMPLES = 20;
// The model's answer is used when its posterior for the winning tenor reaches this; otherwise the
// lexicon decides. With no informative word the posterior is the lexicon prior itself (0.5), below it.
export const MODEL_CONFIDENCE_THRESHOLD = 0.6;
// Prior: the lexicon's tenor gets this share, the other three split the rest — the words the model
// knows must be about 3× likelier under another tenor before they overturn the lexicon.
const LEXICON_PRIOR = 0.5;
// A feature is kept when seen in at least this many training posts and when one tenor holds at least
// 1/(tenors seen) + FEATURE_CONCENTRATION of its per-tenor rates (0.85 with two tenors, 0.6 with four).
const MIN_FEATURE_DOCUMENTS = 2;
const FEATURE_CONCENTRATION = 0.35;
// Keeps a stored model small: the most frequent informative features are kept first.
const MAX_FEATURES = 20_000;

export function trainTenorModel(examples: ReadonlyArray<{ text: string; tenor: Tenor }>): TenorModel | null {
  const classesSeen = new Set(examples.map((example) => example.tenor));
  if (examples.length < MIN_TRAINING_EXAMPLES || classesSeen.size < 2) return null;
  const documents = TENORS.map(() => 0);
  const counts = new Map<string, number[]>();
  for (const { text, tenor } of examples) {
    const classIndex = TENORS.indexOf(tenor);
    if (classIndex < 0) continue;
    documents[classIndex]! += 1;
    for (const feature of new Set(featuresOf(text))) {
      let perClass = counts.get(feature);
      if (!perClass) {
        perClass = TENORS.map(() => 0);
        counts.set(feature, perClass);
      }
      perClass[classIndex]! += 1;
    }
  }
  const kept = [...counts.entries()]
    .filter(([, perClass]) => sum(perClass) >= MIN_FEATURE_DOCUMENTS && isConcentrated(perClass, documents))
    .sort((a, b) => sum(b[1]) - sum(a[1]) || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_FEATURES);
  const featureTotals = TENORS.map((_, classIndex) => kept.reduce((total, [, perClass]) => total + perClass[classIndex]!, 0));
  return {
    version: 1,
    trainedOn: examples.length,
    documents,
    featureTotals,
    vocabularySize: kept.length,
    features: Object.fromEntries(kept),
  };
}

// Rates per tenor (share of that tenor's posts containing the feature), so a tenor with many
// corrections does not claim every common word.
function isConcentrated(perClass: readonly number[], documents: readonly number[]): boolean {
  let total = 0;
  let highest = 0;
  let seen = 0;
  for (let classIndex = 0; classIndex < documents.length; classIndex += 1) {
    if (documents[classIndex] === 0) continue;
    seen += 1;
    const rate = (perClass[classIndex]! + 0.5) / (documents[classIndex]! + 1);
    total += rate;
    highest = Math.max(highest, rate);
  }
  return highest / total >= 1 / seen + FEATURE_CONCENTRATION;
}

export function classifyTenor(text: string, model: TenorModel | null): { tenor: Tenor; confidence: number; source: 'lexicon' | 'model' } {
  const lexical = scoreTenorByLexicon(text);
  if (model) {
    const predicted = predictWithModel(text, lexical.tenor, model);
    if (predicted.confidence >= MODEL_CONFIDENCE_THRESHOLD) return { ...predicted, source: 'model' };
  }
  return { tenor: lexical.tenor, confidence: lexical.confidence, source: 'lexicon' };
}

// The posterior's winner, for the review screen ("how sure was the model?") and for tests.
export function predictWithModel(text: string, lexicalTenor: Tenor, model: TenorModel): { tenor: Tenor; confidence: number } {
  const compiled = compile(model);
  const logScores = TENORS.map((tenor) => Math.log(tenor === lexicalTenor ? LEXICON_PRIOR : (1 - LEXICON_PRIOR) / (TENORS.length - 1)));
  for (const feature of new Set(featuresOf(text))) {
    const perClass = compiled.logLikelihoods.get(feature);
    if (!perClass) continue;
    for (let classIndex = 0; classIndex < logScores.length; classIndex += 1) logScores[classIndex]! += perClass[classIndex]!;
  }
  const best = Math.max(...logScores);
  let total = 0;
  for (const score of logScores) total += Math.exp(score - best);
  return { tenor: TENORS[logScores.indexOf(best)]!, confidence: Math.round((1 / total) * 1000) / 1000 };
}

function featuresOf(text: string): string[] {
  const tokens = tokenize(text);
  const features: string[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    features.push(tokens[index]!);
    if (index > 0) features.push(`${tokens[index - 1]} ${tokens[index]}`);
  }
  return features;
}

interface CompiledModel {
  logLikelihoods: Map<string, number[]>;
}

const compiledModels = new WeakMap<TenorModel, CompiledModel>();

function compile(model: TenorModel): CompiledModel {
  const cached = compiledModels.get(model);
  if (cached) return cached;
  const vocabulary = model.vocabularySize;
  // Laplace smoothing: every feature counts once more in every tenor, so a word never seen with a
  // tenor lowers that tenor's score instead of ruling it out. Only informative features were kept,
  // so this does not punish a tenor without corrections for the words every post uses.
  const denominators = model.featureTotals.map((total) => Math.log(total + vocabulary));
  const logLikelihoods = new Map<string, number[]>();
  for (const [feature, perClass] of Object.entries(model.features)) {
    logLikelihoods.set(
      feature,
      perClass.map((count, classIndex) => Math.log(count + 1) - denominators[classIndex]!),
    );
  }
  const compiled = { logLikelihoods };
  compiledModels.set(model, compiled);
  return compiled;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

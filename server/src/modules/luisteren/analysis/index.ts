// The text analysis of listening: pure functions, no database, no HTTP. The pipeline imports these.
export {
  computeDuplicateFingerprints,
  computeExactDuplicateKey,
  computeSimhash64,
  isNearDuplicate,
  normaliseForDuplicates,
  splitSimhashBands,
} from './duplicates.rules';
export { detectLanguage } from './language.rules';
export { scoreTenorByLexicon, TENORS, type Tenor, type TenorScore } from './tenor.rules';
export { classifyTenor, type TenorModel, trainTenorModel } from './tenor-model.rules';
export { tokenize } from './tokenize.rules';

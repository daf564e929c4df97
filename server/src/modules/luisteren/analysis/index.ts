// The text analysis of listening: pure functions, no database, no HTTP. The pipeline imports these.
export { duplicateFingerprints, exactDuplicateKey, isNearDuplicate, normaliseForDuplicates, simhash64, simhashBands } from './duplicates.rules';
export { detectLanguage } from './language.rules';
export { scoreTenorByLexicon, TENORS, type Tenor, type TenorScore } from './tenor.rules';
export { classifyTenor, type TenorModel, trainTenorModel } from './tenor-model.rules';
export { tokenize } from './tokenize.rules';

// The text analysis of listening: pure functions, no database, no HTTP. The pipeline imports these.
export { duplicateFingerprints, exactDuplicateKey, isNearDuplicate, normaliseForDuplicates, simhash64, simhashBands } from './duplicates';
export { detectLanguage } from './language';
export { scoreTenorByLexicon, TENORS, type Tenor, type TenorScore } from './tenor';
export { classifyTenor, type TenorModel, trainTenorModel } from './tenor-model';
export { tokenize } from './tokenize';

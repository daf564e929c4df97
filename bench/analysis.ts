// bench/analysis: the pure text analysis of listening per post (duplicate key and fingerprint,
// language, tenor with an organisation's model) on the simulator's crisis and everyday texts plus the
// hand-written tenor examples. The ingest target is 13,000 posts/s end to end including the database,
// so analysis must stay a small share of ~77 µs a post. Baseline in the same run: tokenising the same
// texts, the least any text analysis does.
import { loadScenario } from '../server/src/modules/channels/connectors/simulator/scenario.service';
import { computeDuplicateFingerprints, splitSimhashBands } from '../server/src/modules/luisteren/analysis/duplicates.rules';
import { detectLanguage } from '../server/src/modules/luisteren/analysis/language.rules';
import { scoreTenorByLexicon } from '../server/src/modules/luisteren/analysis/tenor.rules';
import { TENOR_EXAMPLES } from '../server/src/modules/luisteren/analysis/tenor-examples.data';
import { classifyTenor, trainTenorModel } from '../server/src/modules/luisteren/analysis/tenor-model.rules';
import { tokenize } from '../server/src/modules/luisteren/analysis/tokenize.rules';

const PIPELINE_TARGET_POSTS_PER_S = 13_000;

function benchTexts(count: number): string[] {
  const templates = [
    ...Object.values(loadScenario('crisis-brand').templates).flat(),
    ...Object.values(loadScenario('alledaags').templates).flat(),
    ...TENOR_EXAMPLES.map((example) => example.text),
  ];
  const streets = ['Dorpsstraat', 'Kerkweg', 'Molenlaan', 'Stationsplein', 'Julianastraat'];
  const texts: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const template = templates[index % templates.length]!;
    // Vary every post a little, as a stream does, so nothing is served from a cache by accident.
    texts.push(
      `${template.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'straat' ? streets[index % streets.length]! : `${name}${index % 97}`))} ${index % 7 === 0 ? `#${index}` : ''}`,
    );
  }
  return texts;
}

function postsPerSecond(texts: readonly string[], analyse: (text: string) => unknown): number {
  for (let index = 0; index < Math.min(2_000, texts.length); index += 1) analyse(texts[index]!);
  const started = performance.now();
  for (const text of texts) analyse(text);
  return Math.round(texts.length / ((performance.now() - started) / 1000));
}

export async function benchAnalysis(total: number) {
  const texts = benchTexts(total);
  const model = trainTenorModel(TENOR_EXAMPLES);
  const baseline = postsPerSecond(texts, tokenize);
  const stages = {
    duplicates: postsPerSecond(texts, (text) => splitSimhashBands(computeDuplicateFingerprints(text).simhash)),
    language: postsPerSecond(texts, detectLanguage),
    tenor_lexicon: postsPerSecond(texts, scoreTenorByLexicon),
    tenor_model: postsPerSecond(texts, (text) => classifyTenor(text, model)),
  };
  const endToEnd = postsPerSecond(texts, (text) => {
    const language = detectLanguage(text);
    const { exactKey, simhash } = computeDuplicateFingerprints(text);
    return [exactKey, splitSimhashBands(simhash), language === null || language === 'nl' ? classifyTenor(text, model) : null];
  });
  return {
    name: 'analysis',
    figures: {
      posts: total,
      ...Object.fromEntries(Object.entries(stages).map(([stage, rate]) => [`${stage}_posts_per_s`, rate])),
      tokenize_baseline_posts_per_s: baseline,
      us_per_post: (1_000_000 / endToEnd).toFixed(1),
      share_of_ingest_budget: (PIPELINE_TARGET_POSTS_PER_S / endToEnd).toFixed(2),
      analysis: `posts_per_s=${endToEnd} baseline_ratio=${(endToEnd / baseline).toFixed(3)}`,
    },
  };
}

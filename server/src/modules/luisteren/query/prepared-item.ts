import { normaliseLanguageCode } from '../../../../../contracts/monitor-query-fields';
import {
  foldHandle,
  foldListName,
  foldText,
  hashtagsInFolded,
  mentionsInFolded,
  tokeniseFolded,
} from '../../../../../contracts/monitor-query-text';

export interface MatchableItem {
  text: string;
  subject: string | null;
  hashtags: string[];
  mentions: string[];
  authorHandle: string;
  channel: string;
  language: string | null;
  municipalityCode: string; // CBS code, e.g. GM0383
  geo: { lat: number; lon: number } | null;
  authorLists: string[]; // names of the lists the author is on
}

const PREPARED = Symbol('prepared monitor item');

// An item folded and tokenised once, then matched against every monitor of the organisation: at
// 50 monitors the per-item work would otherwise be done 50 times.
export interface PreparedItem {
  readonly [PREPARED]: true;
  // Subject and text words in order; '' separates subject from text so a phrase never spans both.
  readonly tokens: readonly string[];
  readonly words: ReadonlySet<string>;
  readonly hashtags: ReadonlySet<string>;
  readonly mentions: ReadonlySet<string>;
  readonly author: string;
  readonly channel: string;
  readonly language: string | null;
  readonly municipalityCode: string;
  readonly geo: { lat: number; lon: number } | null;
  readonly lists: ReadonlySet<string>;
  // Sorted distinct words for prefix search; built on first use, as most monitors have no prefix.
  sortedWords(): readonly string[];
}

export function prepareItem(item: MatchableItem): PreparedItem {
  const text = foldText(item.text);
  const subject = item.subject ? foldText(item.subject) : '';
  const textTokens = tokeniseFolded(text);
  const tokens = subject ? [...tokeniseFolded(subject), '', ...textTokens] : textTokens;
  const words = new Set(tokens);
  words.delete('');
  const hashtags = new Set(item.hashtags.map((tag) => foldText(tag).replace(/^#/, '')));
  const mentions = new Set(item.mentions.map(foldHandle));
  for (const folded of subject ? [subject, text] : [text]) {
    for (const tag of hashtagsInFolded(folded)) hashtags.add(tag);
    for (const handle of mentionsInFolded(folded)) mentions.add(handle);
  }
  let sorted: string[] | null = null;
  return {
    [PREPARED]: true,
    tokens,
    words,
    hashtags,
    mentions,
    author: foldHandle(item.authorHandle),
    channel: item.channel.toLowerCase(),
    language: item.language ? normaliseLanguageCode(item.language) : null,
    municipalityCode: item.municipalityCode.toUpperCase(),
    geo: item.geo,
    lists: new Set(item.authorLists.map(foldListName)),
    sortedWords() {
      sorted ??= [...words].sort();
      return sorted;
    },
  };
}

export function isPreparedItem(item: MatchableItem | PreparedItem): item is PreparedItem {
  return PREPARED in item;
}

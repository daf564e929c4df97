import { normaliseLanguageCode } from '@contracts/monitor-query-fields';
import { findHashtagsInFolded, findMentionsInFolded, foldHandle, foldListName, foldText, tokeniseFolded } from '@contracts/monitor-query-text';

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

// The part of a prepared item that depends on its subject and text alone: a repost or a copy-paste shares it
// with its original, so the pipeline prepares it once per distinct text in a batch.
export interface PreparedText {
  readonly tokens: readonly string[];
  readonly words: ReadonlySet<string>;
  readonly hashtags: readonly string[];
  readonly mentions: readonly string[];
  sortedWords(): readonly string[];
}

export function prepareText(subject: string | null, text: string): PreparedText {
  const foldedText = foldText(text);
  const foldedSubject = subject ? foldText(subject) : '';
  const textTokens = tokeniseFolded(foldedText);
  const tokens = foldedSubject ? [...tokeniseFolded(foldedSubject), '', ...textTokens] : textTokens;
  const words = new Set(tokens);
  words.delete('');
  const hashtags: string[] = [];
  const mentions: string[] = [];
  for (const folded of foldedSubject ? [foldedSubject, foldedText] : [foldedText]) {
    hashtags.push(...findHashtagsInFolded(folded));
    mentions.push(...findMentionsInFolded(folded));
  }
  let sorted: string[] | null = null;
  return {
    tokens,
    words,
    hashtags,
    mentions,
    sortedWords() {
      sorted ??= [...words].sort();
      return sorted;
    },
  };
}

export function prepareItem(item: MatchableItem, text: PreparedText = prepareText(item.subject, item.text)): PreparedItem {
  const hashtags = new Set(item.hashtags.map((tag) => foldText(tag).replace(/^#/, '')));
  const mentions = new Set(item.mentions.map(foldHandle));
  for (const tag of text.hashtags) hashtags.add(tag);
  for (const handle of text.mentions) mentions.add(handle);
  return {
    [PREPARED]: true,
    tokens: text.tokens,
    words: text.words,
    hashtags,
    mentions,
    author: foldHandle(item.authorHandle),
    channel: item.channel.toLowerCase(),
    language: item.language ? normaliseLanguageCode(item.language) : null,
    municipalityCode: item.municipalityCode.toUpperCase(),
    geo: item.geo,
    lists: new Set(item.authorLists.map(foldListName)),
    sortedWords: () => text.sortedWords(),
  };
}

export function isPreparedItem(item: MatchableItem | PreparedItem): item is PreparedItem {
  return PREPARED in item;
}

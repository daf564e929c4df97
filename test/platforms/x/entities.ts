import { randomBytes } from 'node:crypto';
import twitterText from 'twitter-text';
import type { Json } from './responses';

// Every link becomes a t.co address (the original is kept as expanded_url); mentions of known users
// carry their id; hashtags are listed with their positions in the shortened text.
export function extractEntities(text: string, userByName: (username: string) => { id: string } | undefined): { text: string; entities?: Json } {
  const expanded = new Map<string, string>();
  const shortened = twitterText
    .extractUrlsWithIndices(text)
    .reverse()
    .reduce((result, { url, indices }) => {
      // Real t.co codes are ten letters and digits (twitter-text's own t.co pattern stops at anything else).
      const short = `https://t.co/${randomBytes(16)
        .toString('base64')
        .replace(/[^A-Za-z0-9]/g, '')
        .slice(0, 10)}`;
      expanded.set(short, url);
      return result.slice(0, indices[0]) + short + result.slice(indices[1]);
    }, text);
  const entities: Json = {};
  const urls = twitterText.extractUrlsWithIndices(shortened).map(({ url, indices }) => ({
    start: indices[0],
    end: indices[1],
    url,
    expanded_url: expanded.get(url) ?? url,
    display_url: (expanded.get(url) ?? url).replace(/^https?:\/\//, ''),
  }));
  const mentions = twitterText.extractMentionsWithIndices(shortened).map(({ screenName, indices }) => ({
    start: indices[0],
    end: indices[1],
    username: screenName,
    ...(userByName(screenName) && { id: userByName(screenName)!.id }),
  }));
  const hashtags = twitterText.extractHashtagsWithIndices(shortened).map(({ hashtag, indices }) => ({ start: indices[0], end: indices[1], tag: hashtag }));
  if (urls.length) entities.urls = urls;
  if (mentions.length) entities.mentions = mentions;
  if (hashtags.length) entities.hashtags = hashtags;
  return { text: shortened, ...(Object.keys(entities).length > 0 && { entities }) };
}

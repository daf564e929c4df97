import twitterText from 'twitter-text';
import { invalid, type Json, Problem } from './responses';
import { findOwnedMedia } from './routes-media';
import type { XRoute, XState, XUser } from './state';

// POST /2/tweets (text weighed as twitter-text does, up to four media, duplicates refused) and DELETE /2/tweets/:id.

function postTweet(x: XState, user: XUser, body: Json): Json {
  const text = typeof body?.text === 'string' ? body.text : '';
  const mediaIds = (body?.media?.media_ids ?? []) as string[];
  if (!text && mediaIds.length === 0) throw invalid('text or media is required');
  if (mediaIds.length > 4) throw invalid('At most 4 media_ids are allowed');
  if (twitterText.parseTweet(text).weightedLength > 280) {
    throw new Problem(403, {
      title: 'Forbidden',
      detail: 'Your Tweet text is too long. For more information on how X determines text length, see https://github.com/twitter/twitter-text.',
      type: 'about:blank',
      status: 403,
    });
  }
  const keys = mediaIds.map((id) => findOwnedMedia(x, user, id).media_key);
  const tweet = x.createTweet(user.id, text, { replyTo: body?.reply?.in_reply_to_tweet_id, lang: 'nl', mediaKeys: keys, refuseDuplicate: true });
  return { id: tweet.id, text: tweet.text, edit_history_tweet_ids: tweet.edit_history_tweet_ids };
}

export const tweetRoutes: Record<string, XRoute> = {
  'POST /2/tweets': (x, _param, user, _query, body) => [201, { data: postTweet(x, user, body) }],
  'DELETE /2/tweets/:id': (x, param, user) => {
    const index = x.tweets.findIndex((tweet) => tweet.id === param && tweet.author_id === user.id);
    if (index < 0)
      throw new Problem(404, {
        title: 'Not Found Error',
        detail: `Could not find tweet with id: [${param}].`,
        type: 'https://api.twitter.com/2/problems/resource-not-found',
        status: 404,
      });
    x.tweets.splice(index, 1);
    return [200, { data: { deleted: true } }];
  },
};

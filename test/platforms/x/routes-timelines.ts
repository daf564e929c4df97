import { renderTweetPage } from './pages';
import { invalid, type Json, parseRange, pick, USER_DEFAULT_FIELDS } from './responses';
import type { XRoute } from './state';

// Reading: GET /2/users/me, a user's mentions and posts, and recent search (the last seven days).

export const timelineRoutes: Record<string, XRoute> = {
  'GET /2/users/me': (_x, _param, user) => [200, { data: pick({ ...user }, USER_DEFAULT_FIELDS, []) }],
  'GET /2/users/:id/mentions': (x, param, _user, query) => {
    const target = x.users.get(param!);
    if (!target) throw invalid(`Could not find user with id: [${param}].`);
    const mentioning = x.tweets.filter((tweet) =>
      (tweet.entities?.mentions ?? []).some((mention: Json) => String(mention.username).toLowerCase() === target.username.toLowerCase()),
    );
    return [200, renderTweetPage(x, mentioning, query, parseRange(query, 5, 100, 10), 'pagination_token')];
  },
  'GET /2/users/:id/tweets': (x, param, _user, query) => [
    200,
    renderTweetPage(
      x,
      x.tweets.filter((tweet) => tweet.author_id === param),
      query,
      parseRange(query, 5, 100, 10),
      'pagination_token',
    ),
  ],
  'GET /2/tweets/search/recent': (x, _param, _user, query) => {
    if (!query.query) throw invalid('The `query` query parameter can not be empty');
    // Plain keywords only (operators such as -is:retweet are ignored): every word must occur.
    const words = query.query
      .toLowerCase()
      .split(/\s+/)
      .filter((word) => word && !word.includes(':') && !word.startsWith('-'));
    const weekAgo = x.now().getTime() - 7 * 86_400_000;
    const found = x.tweets.filter((tweet) => Date.parse(tweet.created_at) >= weekAgo && words.every((word) => tweet.text.toLowerCase().includes(word)));
    return [200, renderTweetPage(x, found, query, parseRange(query, 10, 100, 10), 'next_token')];
  },
};

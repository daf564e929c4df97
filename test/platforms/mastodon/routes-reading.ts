import { linkHeader, paginate, type Route } from './routes';
import { type Json, renderAccountJson } from './state';

// Reading: the token's own account, its notifications, a hashtag timeline and an account's statuses,
// each paged newest first with a Link header.

export const readingRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/api\/v1\/accounts\/verify_credentials$/,
    answer: ({ state, me, limits, send }) => send(200, { ...renderAccountJson(state, me), source: { privacy: 'public', language: 'nl' } }, limits),
  },
  {
    method: 'GET',
    path: /^\/api\/v1\/notifications$/,
    answer: ({ state, url, path, me, limits, send }) => {
      const types = url.searchParams.getAll('types[]');
      const own = state.notifications
        .filter((item) => item.ownerId === me.id && (types.length === 0 || types.includes(item.json.type)))
        .map((item) => item.json as Json & { id: string });
      const page = paginate(own, url.searchParams, 40, 80);
      send(200, page, { ...limits, ...linkHeader(state.base, path, url.searchParams, page) });
    },
  },
  {
    method: 'GET',
    path: /^\/api\/v1\/timelines\/tag\/([^/]+)$/,
    answer: ({ state, url, path, limits, send }, match) => {
      const tag = decodeURIComponent(match[1]!).toLowerCase();
      const tagged = state.statuses.filter((status) => status.visibility === 'public' && status.tags.some((item: Json) => item.name === tag)) as (Json & {
        id: string;
      })[];
      const page = paginate(tagged, url.searchParams, 20, 40);
      send(200, page, { ...limits, ...linkHeader(state.base, path, url.searchParams, page) });
    },
  },
  {
    method: 'GET',
    path: /^\/api\/v1\/accounts\/([^/]+)\/statuses$/,
    answer: ({ state, url, path, me, limits, send }, match) => {
      const owner = match[1]!;
      const visible = state.statuses.filter(
        (status) => status.account.id === owner && (owner === me.id || ['public', 'unlisted'].includes(status.visibility)),
      ) as (Json & { id: string })[];
      const page = paginate(visible, url.searchParams, 20, 40);
      send(200, page, { ...limits, ...linkHeader(state.base, path, url.searchParams, page) });
    },
  },
];

// The fake Mastodon lives in ./mastodon/ (state, rendering, routes per concern, http server); this keeps the old import path working.
export { type MastodonServer, startMastodonServer } from './mastodon/server';
export type { FakeAccount, MastodonServerOptions, PostOptions, RequestLog } from './mastodon/state';

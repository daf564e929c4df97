// The fake X API v2 lives in ./x/ (state, routes per concern, http server); this keeps the old import path working.
export { type LoggedRequest, startXServer, XServer } from './x/server';
export type { XDmRecord, XTweetRecord, XUser } from './x/state';

import type { ServerResponse } from 'node:http';
import type { Route } from './routes';

// The streaming API as server-sent events: notifications are pushed as they happen (see statuses.ts),
// with ":thump" heartbeats every heartbeatMs.

export const streamingRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/api\/v1\/streaming\/user\/notification$/,
    answer: ({ state, response, me }) => {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', 'transfer-encoding': 'chunked' });
      response.write(':)\n');
      const set = state.streams.get(me.id) ?? new Set<ServerResponse>();
      state.streams.set(me.id, set.add(response));
      const heartbeat = setInterval(() => response.write(':thump\n'), state.options.heartbeatMs ?? 15_000);
      response.on('close', () => {
        clearInterval(heartbeat);
        set.delete(response);
      });
    },
  },
];

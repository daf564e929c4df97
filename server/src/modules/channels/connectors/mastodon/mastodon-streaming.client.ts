import { ChannelError, type ConnectorAccount, type ConnectorDeps, type LiveStream, type StreamSink } from '../../connector.types';
import { classifyFetchFailure, retryAfterMs } from '../../platform-http.client';
import { type MastodonNotification, normaliseStatus } from './mastodon.mapping';
import { MastodonApi } from './mastodon-api.client';

// Mastodon sends a ":thump" comment every few seconds; this long without a single byte means the
// connection is dead even though TCP has not noticed (a NAT or proxy dropped it).
const IDLE_TIMEOUT_MS = 120_000;

export interface ServerSentEvent {
  event: string;
  data: string;
}

// text/event-stream as the WHATWG HTML spec defines it: "field: value" lines, an empty line ends an
// event, several data lines join with "\n", lines starting with ":" are comments (heartbeats).

const LINE_END = /\r\n|\r|\n/;
export class EventStreamParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  push(chunk: string): ServerSentEvent[] {
    this.buffer += chunk;
    const events: ServerSentEvent[] = [];
    for (let newline = this.buffer.search(LINE_END); newline !== -1; newline = this.buffer.search(LINE_END)) {
      // A "\r" at the very end may be the first half of "\r\n": wait for the next chunk.
      if (this.buffer[newline] === '\r' && newline === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + (this.buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (this.data.length > 0) events.push({ event: this.event || 'message', data: this.data.join('\n') });
        this.event = '';
        this.data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') this.event = value;
      else if (field === 'data') this.data.push(value);
    }
    return events;
  }
}

function parseNotification(data: string): MastodonNotification | null {
  try {
    return JSON.parse(data) as MastodonNotification;
  } catch {
    // One garbled event is no reason to drop the connection; the poll still reads it.
    return null;
  }
}

async function connectError(response: Response, deps: ConnectorDeps, api: MastodonApi): Promise<ChannelError> {
  const text = await response.text().catch(() => '');
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { error?: string }).error;
  } catch {
    code = undefined;
  }
  const detail = { status: response.status, platformCode: code };
  if (response.status === 401) return api.explain(new ChannelError('auth', 'niet (meer) aangemeld', null, detail)) as ChannelError;
  if (response.status === 429)
    return new ChannelError('rate-limited', 'Mastodon-streaming: te veel verzoeken (429)', retryAfterMs(response.headers, deps.clock.now()) ?? 60_000, detail);
  if (response.status >= 500) return new ChannelError('transient', `Mastodon-streaming: fout bij de server (${response.status})`, null, detail);
  return new ChannelError('permanent', `Mastodon-streaming geweigerd (${response.status}) ${text.slice(0, 200)}`.trim(), null, detail);
}

// GET /api/v1/streaming/user/notification: the account's notifications as server-sent events. Each
// mention goes to the sink as it arrives, in order. Reconnecting, and filling what a dropped
// connection missed, is the stream supervisor's job (the regular poll reads from the last stored id).
export function streamNotifications(account: ConnectorAccount, deps: ConnectorDeps, sink: StreamSink): LiveStream {
  const controller = new AbortController();
  let closing = false;
  let idle: NodeJS.Timeout | undefined;
  const stillAlive = () => {
    clearTimeout(idle);
    idle = setTimeout(() => controller.abort(new Error('idle')), IDLE_TIMEOUT_MS);
  };

  const run = async () => {
    const api = new MastodonApi(account, deps);
    const url = api.url('/api/v1/streaming/user/notification');
    // No connection at all is classified as for every platform call: an address Plein may not use needs a person.
    const response = await deps
      .fetch(url, { headers: { accept: 'text/event-stream', authorization: api.authorization }, signal: controller.signal })
      .catch((error: unknown) => {
        throw classifyFetchFailure(error, url);
      });
    if (!response.ok || !response.body) {
      sink.onError(await connectError(response, deps, api));
      return;
    }
    const parser = new EventStreamParser();
    const decoder = new TextDecoder();
    stillAlive();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      stillAlive();
      for (const event of parser.push(decoder.decode(chunk, { stream: true }))) {
        if (event.event !== 'notification') continue;
        const notification = parseNotification(event.data);
        if (notification?.type !== 'mention' || !notification.status) continue;
        await sink.onMessages([normaliseStatus(notification.status, api.knownAccountId())]);
      }
    }
  };

  const ended = run()
    .catch((error: unknown) => {
      if (closing) return;
      if (error instanceof ChannelError) return sink.onError(error);
      const reason = controller.signal.aborted
        ? `${IDLE_TIMEOUT_MS / 1000} seconden niets ontvangen, ook geen hartslag`
        : error instanceof Error
          ? error.message
          : String(error);
      sink.onError(new ChannelError('transient', `De Mastodon-stream van ${account.handle} viel weg: ${reason}`));
    })
    .finally(() => clearTimeout(idle));

  return {
    ended,
    async close() {
      closing = true;
      controller.abort();
      await ended;
    },
  };
}

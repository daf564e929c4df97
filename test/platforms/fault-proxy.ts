import { createServer, type IncomingHttpHeaders, type IncomingMessage, request as requestUpstream, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A proxy on loopback in front of one of the local platform servers, that lets a test break the next requests the
// way networks and platforms break in production: an error status from a load balancer, no answer at all, an answer
// that arrives late, one that stops halfway, and a connection cut before anything came. Connectors get the proxy's
// address instead of the server's; whatever no fault is queued for passes through unchanged.

export type Fault =
  // Answered by the proxy itself, as a gateway or a rate limiter in front of the platform does: the platform never
  // sees the request.
  | { kind: 'status'; status: 429 | 500 | 502 | 503; retryAfterSeconds?: number }
  // Accepted and never answered.
  | { kind: 'hang' }
  // The platform's own answer, after a delay shorter than Plein's timeout.
  | { kind: 'slow'; delayMs: number }
  // The platform's answer with its full Content-Length, but only part of the body; then the connection is cut.
  | { kind: 'truncate' }
  // The platform's answer with its full Content-Length and part of the body; then nothing more, the connection open.
  | { kind: 'stall' }
  // The connection reset before any answer.
  | { kind: 'reset' };

export interface SeenRequest {
  method: string;
  // Path and query, as the client sent them.
  path: string;
  headers: IncomingHttpHeaders;
  fault: Fault['kind'] | null;
  // The status the client got, null when it got none (hang, reset) or not all of it (truncate, stall).
  status: number | null;
}

interface QueuedFault {
  fault: Fault;
  match: RegExp;
  remaining: number;
}

export interface FaultProxy {
  // http://127.0.0.1:<port>; a path after it is passed on to the platform as it is.
  url: string;
  host: string;
  seen: SeenRequest[];
  // The next `times` requests whose "METHOD /path?query" matches get this fault (all requests and once by default).
  inject(fault: Fault, options?: { match?: RegExp; times?: number }): void;
  pendingFaults(): number;
  clearFaults(): void;
  close(): Promise<void>;
}

// Per connection, not end to end (RFC 9110 §7.6.1); the proxy sets its own Content-Length on the bodies it buffers.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'content-length']);

const REASONS: Record<number, string> = { 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  const queue: QueuedFault[] = [];
  const seen: SeenRequest[] = [];
  let origin = '';

  const takeFault = (line: string): Fault | null => {
    const index = queue.findIndex((queued) => queued.match.test(line));
    if (index === -1) return null;
    const queued = queue[index]!;
    queued.remaining -= 1;
    if (queued.remaining <= 0) queue.splice(index, 1);
    return queued.fault;
  };

  // Links and redirects name the platform's own address; through the proxy they name the proxy, as a real one would.
  const rewrite = (value: string) => value.split(target.origin).join(origin);

  const forward = (request: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }>((resolve, reject) => {
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
      const outgoing = requestUpstream(
        {
          host: target.hostname,
          port: target.port,
          method: request.method,
          path: request.url,
          headers: { ...headers, host: target.host, 'content-length': String(body.length) },
        },
        (answer) => {
          readAll(answer).then((answerBody) => {
            const answerHeaders: Record<string, string | string[]> = {};
            for (const [name, value] of Object.entries(answer.headers)) {
              if (value === undefined || HOP_BY_HOP.has(name)) continue;
              answerHeaders[name] = name === 'link' || name === 'location' ? (Array.isArray(value) ? value.map(rewrite) : rewrite(value)) : value;
            }
            resolve({ status: answer.statusCode ?? 502, headers: answerHeaders, body: answerBody });
          }, reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readAll(request);
    const fault = takeFault(`${request.method} ${request.url}`);
    const record: SeenRequest = {
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      headers: request.headers,
      fault: fault?.kind ?? null,
      status: null,
    };
    seen.push(record);
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'reset') {
      // A TCP reset (RST), as a crashing server or a middlebox that drops the connection sends.
      request.socket.resetAndDestroy();
      return;
    }
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
      if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
      record.status = fault.status;
      response.writeHead(fault.status, headers).end(`${fault.status} ${REASONS[fault.status]}`);
      return;
    }
    const platform = await forward(request, body);
    if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    const headers = { ...platform.headers, 'content-length': String(platform.body.length) };
    if (fault?.kind === 'truncate' || fault?.kind === 'stall') {
      response.writeHead(platform.status, headers);
      const part = platform.body.subarray(0, Math.floor(platform.body.length / 2));
      // Cut only once the part is on its way, so the client sees a body that stops, not a connection that never answered.
      response.write(part, () => {
        if (fault.kind === 'truncate') response.socket?.destroy();
      });
      return;
    }
    record.status = platform.status;
    response.writeHead(platform.status, headers).end(platform.body);
  };

  const server = createServer((request, response) => {
    // A client that gave up (its timeout) closes the connection under a hanging or stalled answer: nothing to report.
    response.on('error', () => {});
    answer(request, response).catch((error: unknown) => {
      if (response.headersSent) return response.socket?.destroy();
      response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' }).end(`proxy: ${String(error)}`);
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    host: `127.0.0.1:${port}`,
    seen,
    inject(fault, options = {}) {
      queue.push({ fault, match: options.match ?? /^/, remaining: options.times ?? 1 });
    },
    pendingFaults: () => queue.reduce((sum, queued) => sum + queued.remaining, 0),
    clearFaults() {
      queue.length = 0;
    },
    close() {
      queue.length = 0;
      // Hanging and stalled answers keep their connections open; close them with the server.
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

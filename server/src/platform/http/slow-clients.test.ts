import { connect, type Socket } from 'node:net';
import { createTestApp, type TestApp } from '@test/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 15's probe: a body announced as 100 bytes of which 10 came held its connection for more than 330 s.
let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await createTestApp({ PLEIN_REQUEST_TIMEOUT_MS: '800', PLEIN_MAX_CONNECTIONS_PER_ADDRESS: '3' });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as { port: number }).port;
});
afterAll(async () => t.close());

function open(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

// What the server said before it closed the connection, and how long it kept it open.
function untilClosed(socket: Socket): Promise<{ said: string; afterMs: number }> {
  const started = performance.now();
  let said = '';
  socket.on('data', (chunk) => {
    said += chunk.toString();
  });
  return new Promise((resolve) => socket.once('close', () => resolve({ said, afterMs: performance.now() - started })));
}

describe('langzame en gulzige clients', () => {
  it('sluit een verbinding waarvan het verzoek niet binnen de tijd compleet is, met 408', async () => {
    const socket = await open();
    const closed = untilClosed(socket);
    socket.write('POST /api/v1/sessions HTTP/1.1\r\nHost: plein.test\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":');
    const { said, afterMs } = await closed;
    expect(said).toMatch(/^HTTP\/1\.1 408/);
    expect(afterMs).toBeLessThan(5_000);
  });

  it('laat één adres niet meer verbindingen tegelijk openhouden dan toegestaan; daarna kan het weer', async () => {
    const held = [await open(), await open(), await open()];
    const extra = await open();
    const refused = await untilClosed(extra);
    // Closed at once, without an answer: not by the request timeout, which would take 400 ms or more.
    expect(refused.said).toBe('');
    expect(refused.afterMs).toBeLessThan(200);
    held.pop()?.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
    for (const socket of held) socket.destroy();
  });
});

import { type AddressInfo, connect, createServer, type Socket } from 'node:net';

// A TCP proxy on loopback in front of a mail server (IMAP, SMTP), for protocols that are not HTTP: it breaks the next
// connections the way networks and servers do. fault-proxy.ts does the same for HTTP platforms.

export type TcpFault =
  // The connection reset as soon as it is accepted.
  | { kind: 'reset' }
  // Accepted; the server never says anything (no greeting).
  | { kind: 'hang' }
  // Passed on until the server has sent `afterBytes`; then both sides are cut.
  | { kind: 'cut'; afterBytes: number }
  // Passed on until the server has sent `afterBytes`; then the server's side goes silent, the connection stays open.
  | { kind: 'stall'; afterBytes: number };

export interface TcpFaultProxy {
  port: number;
  // Connections accepted, with the fault each got (null: passed on whole).
  connections: (TcpFault['kind'] | null)[];
  inject(fault: TcpFault, times?: number): void;
  clearFaults(): void;
  close(): Promise<void>;
}

export async function startTcpFaultProxy(upstreamPort: number, upstreamHost = '127.0.0.1'): Promise<TcpFaultProxy> {
  const queue: { fault: TcpFault; remaining: number }[] = [];
  const connections: (TcpFault['kind'] | null)[] = [];
  const open = new Set<Socket>();

  const takeFault = (): TcpFault | null => {
    const queued = queue[0];
    if (!queued) return null;
    queued.remaining -= 1;
    if (queued.remaining <= 0) queue.shift();
    return queued.fault;
  };

  const server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => {});
    const fault = takeFault();
    connections.push(fault?.kind ?? null);
    if (fault?.kind === 'reset') return client.resetAndDestroy();
    if (fault?.kind === 'hang') return;
    const upstream = connect(upstreamPort, upstreamHost);
    open.add(upstream);
    upstream.on('close', () => {
      open.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream);
    if (!fault) {
      upstream.pipe(client);
      return;
    }
    // Counts what the server sent and passes on only up to the fault's point.
    let sent = 0;
    upstream.on('data', (chunk: Buffer) => {
      if (sent >= fault.afterBytes) return;
      const part = chunk.subarray(0, fault.afterBytes - sent);
      sent += part.length;
      client.write(part, () => {
        if (sent < fault.afterBytes || fault.kind !== 'cut') return;
        client.destroy();
        upstream.destroy();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    port: (server.address() as AddressInfo).port,
    connections,
    inject(fault, times = 1) {
      queue.push({ fault, remaining: times });
    },
    clearFaults() {
      queue.length = 0;
    },
    close() {
      queue.length = 0;
      for (const socket of open) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

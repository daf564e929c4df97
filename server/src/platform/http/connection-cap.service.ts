import type { Server, Socket } from 'node:net';

// Greedy or slow clients cannot hold the server: at most `limit` open connections per client address; one more is
// closed at once. Together with the request timeout (a client that stops sending is cut off) this keeps a single
// address from tying up the sockets and memory that every resident's request needs.
export function capConnectionsPerAddress(server: Server, limit: number): void {
  if (limit <= 0) return;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > limit) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}

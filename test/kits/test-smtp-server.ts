import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SubmittedMail {
  user: string;
  from: string;
  to: string[];
  raw: string;
}

// A submission server on loopback that, like a provider's port 587, only takes mail after AUTH with
// the mailbox's own password; test/smtp-sink.ts takes anything, so a wrong password would go unnoticed.
export async function startSubmissionServer(passwords: (user: string) => string | undefined) {
  const received: SubmittedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username && auth.password !== undefined && passwords(auth.username) === auth.password) return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          user: String(session.user),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  // A client that went away mid-session (email-faults.test.ts cuts connections on purpose) is reported here; without a
  // listener the EventEmitter would throw it out of the test run.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

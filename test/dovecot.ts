import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

const DOVECOT = '/usr/sbin/dovecot';
// Mail is owned by "nobody": Dovecot refuses to access mail as root, and tests run as root.
const MAIL_UID = 65534;
const MAIL_GID = 65534;

export interface StoredMail {
  uid: number;
  flags: string[];
  source: string;
}

export interface TestDovecot {
  host: string;
  port: number;
  version: string;
  addUser(user: string, password: string): void;
  // Puts a raw RFC 5322 message in a user's folder, the way a mail server's delivery would; returns its UID.
  deliver(user: string, raw: string | Buffer, folder?: string): Promise<number>;
  mails(user: string, folder?: string): Promise<StoredMail[]>;
  // A new UIDVALIDITY for the user's INBOX, as after a restored or rebuilt mailbox.
  resetInbox(user: string): Promise<void>;
  log(): string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// Ready once the IMAP greeting arrives, not merely when the port accepts.
async function waitForGreeting(port: number, child: ChildProcess, logPath: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dovecot stopte meteen:\n${existsSync(logPath) ? readFileSync(logPath, 'utf8') : ''}`);
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.setTimeout(2_000, () => socket.destroy());
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      socket.once('close', () => resolve(false));
    });
    if (greeted) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`dovecot antwoordde niet binnen ${timeoutMs} ms`);
}

function config(dir: string, port: number) {
  return `# A throwaway Dovecot for Plein's tests: loopback only, no TLS, users from a file.
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = plein-test-${port}
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = dovecot
default_login_user = dovenull
mail_fsync = never
passdb {
  driver = passwd-file
  # One file per user: Dovecot notices a new file at once, while an edit within the same second
  # of its last read of a shared file goes unnoticed.
  args = scheme=PLAIN username_format=%u ${dir}/users/%u
}
userdb {
  driver = static
  args = uid=${MAIL_UID} gid=${MAIL_GID} home=${dir}/mail/%u
}
mail_location = maildir:~/Maildir
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
}
# No growing delay for an address that failed to log in before: the tests use wrong passwords on purpose.
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
}

// Starts a real Debian Dovecot (2.3) as a child process with its own config in a temporary directory.
export async function startDovecot(): Promise<TestDovecot> {
  if (!existsSync(DOVECOT)) throw new Error('Dovecot ontbreekt: apt-get install -y dovecot-imapd');
  if (process.getuid?.() !== 0) throw new Error('De test-Dovecot draait alleen als root (zoals in CI).');
  const version = execFileSync(DOVECOT, ['--version'], { encoding: 'utf8' }).trim();
  if (!version.startsWith('2.3.')) throw new Error(`Dovecot ${version}: test/dovecot.ts kent alleen de instellingen van 2.3`);

  const dir = mkdtempSync(join(tmpdir(), 'plein-dovecot-'));
  // Login processes run as dovenull and the mail processes as nobody: both must reach into the directory.
  chmodSync(dir, 0o755);
  for (const sub of ['run', 'state', 'mail', 'users']) mkdirSync(join(dir, sub));
  chownSync(join(dir, 'mail'), MAIL_UID, MAIL_GID);
  const port = await freePort();
  const conf = join(dir, 'dovecot.conf');
  writeFileSync(conf, config(dir, port));
  const logPath = join(dir, 'dovecot.log');

  const child = spawn(DOVECOT, ['-F', '-c', conf], { stdio: 'ignore' });
  const stopOnExit = () => child.kill('SIGKILL');
  process.once('exit', stopOnExit);
  try {
    await waitForGreeting(port, child, logPath);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const passwords = new Map<string, string>();
  const session = async <T>(user: string, work: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      doSTARTTLS: false,
      auth: { user, pass: passwords.get(user) ?? '' },
      logger: false,
      disableAutoIdle: true,
    });
    client.on('error', () => {});
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  };

  return {
    host: '127.0.0.1',
    port,
    version,
    addUser(user, password) {
      passwords.set(user, password);
      writeFileSync(join(dir, 'users', user), `${user}:{PLAIN}${password}::::::\n`);
    },
    async deliver(user, raw, folder = 'INBOX') {
      return session(user, async (client) => {
        const appended = await client.append(folder, raw);
        if (!appended || appended.uid === undefined) throw new Error('APPEND gaf geen UID terug');
        return appended.uid;
      });
    },
    async mails(user, folder = 'INBOX') {
      return session(user, async (client) => {
        const mailbox = await client.mailboxOpen(folder, { readOnly: true });
        if (mailbox.exists === 0) return [];
        const messages = await client.fetchAll('1:*', { uid: true, flags: true, source: true });
        return messages.map((message) => ({ uid: message.uid, flags: [...(message.flags ?? [])], source: message.source!.toString('utf8') }));
      });
    },
    async resetInbox(user) {
      // Dovecot hands out a new UIDVALIDITY when its index and uidlist are gone.
      const maildir = join(dir, 'mail', user, 'Maildir');
      for (const name of ['dovecot-uidlist', 'dovecot.index', 'dovecot.index.log', 'dovecot.index.cache']) rmSync(join(maildir, name), { force: true });
      await session(user, async (client) => client.mailboxOpen('INBOX'));
    },
    log: () => (existsSync(logPath) ? readFileSync(logPath, 'utf8') : ''),
    async close() {
      process.removeListener('exit', stopOnExit);
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

import { OutboundAddressRefused, resolveAllowedAddress } from '@platform/http/outbound.client';
import { ImapFlow } from 'imapflow';
import { ChannelError, type ConnectorAccount, type ConnectorDeps } from '../../connector.types';
import { classifyMailError } from './mail.errors';
import { buildImapOptions } from './mail-settings.rules';

// One short IMAP session per job: connect, do the work, log out. A connection held open between
// jobs would belong to one worker process while the next job may run in another.
export async function withImap<T>(account: ConnectorAccount, deps: ConnectorDeps, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const address = await resolveMailServer(deps, String(account.settings.imapHost), 'IMAP');
  const client = new ImapFlow(buildImapOptions(account, address, deps.timeoutMs));
  // ImapFlow reports a dropped socket as an 'error' event too; the awaited command fails with it as well.
  client.on('error', () => {});
  try {
    await client.connect();
    const result = await work(client);
    await client.logout().catch(() => client.close());
    return result;
  } catch (error) {
    client.close();
    throw classifyMailError(error, 'IMAP');
  }
}

// The checked address of a mail server's host: the connection goes where the outbound policy allows, or not at all.
export async function resolveMailServer(deps: ConnectorDeps, host: string, server: 'IMAP' | 'SMTP'): Promise<string | undefined> {
  if (!deps.outbound) return undefined;
  try {
    return await resolveAllowedAddress(deps.outbound, host);
  } catch (error) {
    if (error instanceof OutboundAddressRefused) throw new ChannelError('permanent', error.message, null, { needsAttention: true });
    throw classifyMailError(error, server);
  }
}

// The folder staff's mail clients show as "Verzonden", if the server marks one.
export async function findSentFolder(client: ImapFlow): Promise<string | null> {
  const folders = await client.list();
  return folders.find((folder) => folder.specialUse === '\\Sent')?.path ?? null;
}

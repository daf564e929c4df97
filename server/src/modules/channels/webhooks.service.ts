import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { ChannelAccountRow } from '@platform/db/database.schema';
import type { SecretKeys } from './account-secrets.rules';
import { findAccount } from './accounts.repository';
import { buildConnectorAccount } from './channels.jobs';
import type { DeliveryReport, NormalisedMessage } from './connector.types';
import { findConnector } from './connectors/connectors.registry';
import { settleByDeliveryReports } from './delivery-reports.service';
import { setDeliveryAside, storeMessages } from './ingest.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function webhookTarget(db: Db, keys: SecretKeys, organisationId: string, accountId: string) {
  if (!UUID.test(organisationId) || !UUID.test(accountId)) return null;
  const row = await findAccount(db, organisationId, accountId);
  const handler = row && findConnector(row.channel)?.webhook;
  if (!row || !handler) return null;
  return { row, handler, account: buildConnectorAccount(keys, row) };
}

export async function answerWebhookHandshake(db: Db, keys: SecretKeys, organisationId: string, accountId: string, query: Record<string, string>) {
  const target = await webhookTarget(db, keys, organisationId, accountId);
  if (!target?.handler.handshake) return null;
  return target.handler.handshake(target.account, query);
}

export type WebhookOutcome = 'onbekend' | 'handtekening-fout' | 'geen-json' | { stored: number };

// Checks the signature, then stores what the platform pushed in one transaction. An error before the
// commit answers 500, and the platform delivers again: nothing lost. A delivery that comes twice is
// stored once (unique platform ids): nothing doubled. A paused account still receives; pausing stops
// Plein from polling and sending, not residents from writing.
export async function receiveWebhook(
  db: Db,
  clock: Clock,
  keys: SecretKeys,
  delivery: { organisationId: string; accountId: string; rawBody: Buffer; headers: Record<string, string | string[] | undefined> },
): Promise<WebhookOutcome> {
  const target = await webhookTarget(db, keys, delivery.organisationId, delivery.accountId);
  if (!target) return 'onbekend';
  if (!target.handler.verify(target.account, delivery.rawBody, delivery.headers)) return 'handtekening-fout';
  let body: unknown;
  try {
    body = JSON.parse(delivery.rawBody.toString('utf8'));
  } catch {
    return 'geen-json';
  }
  // Each part read on its own: one the connector cannot read is set aside with the error, and the rest is stored.
  const messages: NormalisedMessage[] = [];
  const reports: DeliveryReport[] = [];
  const unreadable: { part: unknown; error: unknown }[] = [];
  for (const part of target.handler.split?.(body) ?? [body]) {
    try {
      messages.push(...target.handler.parse(target.account, part));
      reports.push(...(target.handler.reports?.(target.account, part) ?? []));
    } catch (error) {
      unreadable.push({ part, error });
    }
  }
  const stored = await db.transaction().execute(async (trx) => {
    for (const { part, error } of unreadable) await setDeliveryAside(trx, clock, target.row, part, error);
    const ids = await storeMessages(trx, clock, target.row, messages);
    await settleByDeliveryReports(trx, clock, target.row, reports);
    return ids;
  });
  return { stored: stored.length };
}

// A part of a delivery set aside earlier, read again by the connector as it is now (after an update of Plein).
export function readDeliveryAgain(keys: SecretKeys, row: ChannelAccountRow, part: unknown): NormalisedMessage[] {
  const handler = findConnector(row.channel)?.webhook;
  if (!handler) throw new Error(`Het kanaal ${row.channel} ontvangt geen webhooks meer.`);
  return handler.parse(buildConnectorAccount(keys, row), part);
}

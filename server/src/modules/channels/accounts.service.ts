import { randomUUID } from 'node:crypto';
import { CHANNEL_REQUIREMENTS } from '@contracts/channel-fields';
import type { Channel, ChannelAccount } from '@contracts/channels';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { Db } from '@platform/db/database.client';
import type { ChannelAccountRow, ChannelAccountsTable } from '@platform/db/database.schema';
import { isUniqueViolation } from '@platform/db/db-errors.rules';
import { badRequest, conflict, type InvalidParam, notFound } from '@platform/http/http.errors';
import { findMunicipalities } from '@platform/organisations/organisations.repository';
import { actsForMunicipality, assertCan, scopeOf } from '@platform/tenancy/policy.rules';
import type { Updateable } from 'kysely';
import { isSealedWithCurrentKey, openAccountSecrets, type SecretKeys, sealAccountSecrets } from './account-secrets.rules';
import { findAccount, findAccounts, findAllSealedSecrets, insertAccount, updateAccount } from './accounts.repository';
import { startPolling } from './ingest.service';
import { countQuarantineEntries } from './quarantine.repository';
import { findFailingStreams } from './stream-health.repository';

export interface AccountInput {
  municipalityId: string;
  channel: Channel;
  handle: string;
  displayName?: string;
  serviceUrl?: string;
  settings?: Record<string, string | number | boolean>;
  secrets?: Record<string, string>;
}

export interface AccountChange {
  displayName?: string;
  serviceUrl?: string | null;
  settings?: Record<string, string | number | boolean>;
  secrets?: Record<string, string>;
  paused?: boolean;
}

// What is read beside the account row where an account is shown (list, page, after a change): its set-aside messages
// and the parts of it (polled streams, live connection, sending) whose last attempt failed.
interface AccountHealth {
  quarantined: Map<string, number>;
  failing: Awaited<ReturnType<typeof findFailingStreams>>;
}

async function loadAccountHealth(db: Db, organisationId: string, accountIds: string[]): Promise<AccountHealth> {
  return {
    quarantined: await countQuarantineEntries(db, organisationId, accountIds),
    failing: await findFailingStreams(db, organisationId, accountIds),
  };
}

async function viewWithHealth(db: Db, row: ChannelAccountRow) {
  return toAccountView(row, await loadAccountHealth(db, row.organisation_id, [row.id]));
}

function toAccountView(row: ChannelAccountRow, health?: AccountHealth): ChannelAccount {
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    channel: row.channel as Channel,
    handle: row.handle,
    displayName: row.display_name,
    serviceUrl: row.service_url,
    settings: row.settings,
    hasSecrets: row.secrets_sealed !== null,
    status: row.status,
    paused: row.paused,
    lastSuccessAt: row.last_success_at?.toISOString() ?? null,
    lastErrorAt: row.last_error_at?.toISOString() ?? null,
    lastError: row.last_error,
    rateLimitedUntil: row.rate_limited_until?.toISOString() ?? null,
    simulated: row.channel === 'gesimuleerd',
    quarantined: health?.quarantined.get(row.id) ?? 0,
    failingStreams: (health?.failing.get(row.id) ?? []).map((part) => ({ stream: part.stream, error: part.last_error, at: part.last_error_at.toISOString() })),
    createdAt: row.created_at.toISOString(),
  };
}

// Refuses an account without what its channel needs (a PDS address, a token), naming each missing field,
// and anything the person sent that the channel does not know. Only `sent` is checked for unknown keys:
// stored secrets may also hold what a connector keeps for itself (session tokens).
function assertRequirements(
  channel: Channel,
  serviceUrl: string | null,
  settings: Record<string, unknown>,
  secrets: Record<string, string>,
  sent: { settings?: Record<string, unknown>; secrets?: Record<string, string> },
) {
  const requirements = CHANNEL_REQUIREMENTS[channel];
  const problems: InvalidParam[] = [];
  if (requirements.serviceUrl?.required && !serviceUrl) {
    problems.push({ name: 'serviceUrl', code: 'verplicht', reason: `${requirements.serviceUrl.label} is verplicht voor dit kanaal.` });
  }
  for (const field of requirements.fields) {
    const present = field.kind === 'secret' ? Boolean(secrets[field.key]) : settings[field.key] !== undefined && settings[field.key] !== '';
    if (field.required && !present) {
      problems.push({ name: `${field.kind === 'secret' ? 'secrets' : 'settings'}.${field.key}`, code: 'verplicht', reason: `${field.label} is verplicht.` });
    }
  }
  // pollSeconds works for every polled channel.
  const known = new Set([...requirements.fields.map((field) => field.key), 'pollSeconds']);
  for (const key of [...Object.keys(sent.settings ?? {}), ...Object.keys(sent.secrets ?? {})]) {
    if (!known.has(key)) problems.push({ name: key, code: 'onbekend', reason: `"${key}" hoort niet bij dit kanaal.` });
  }
  if (problems.length > 0) throw badRequest('kanaal-onvolledig', problems.map((problem) => problem.reason).join(' '), problems);
}

// New credentials replace the old ones and whatever the connector derived from them (a session).
function mergeSecrets(channel: Channel, stored: Record<string, string>, sent: Record<string, string>): Record<string, string> {
  const declared = new Set(CHANNEL_REQUIREMENTS[channel].fields.filter((field) => field.kind === 'secret').map((field) => field.key));
  const kept = Object.fromEntries(Object.entries(stored).filter(([key]) => declared.has(key)));
  return { ...kept, ...sent };
}

const SELF_CONTAINED = new Set<Channel>(['telefoon', 'webformulier']);

export async function listAccounts(ctx: ServiceContext) {
  assertCan(ctx.actor, 'channels.read');
  const rows = await findAccounts(ctx.db, scopeOf(ctx.actor));
  const health = await loadAccountHealth(
    ctx.db,
    ctx.actor.organisationId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toAccountView(row, health));
}

export async function getAccount(ctx: ServiceContext, accountId: string) {
  assertCan(ctx.actor, 'channels.read');
  const row = await findAccount(ctx.db, ctx.actor.organisationId, accountId);
  if (!row || !actsForMunicipality(ctx.actor, row.municipality_id)) throw notFound('Het kanaalaccount');
  return viewWithHealth(ctx.db, row);
}

export async function addAccount(ctx: ServiceContext, keys: SecretKeys, input: AccountInput) {
  assertCan(ctx.actor, 'channels.manage');
  const municipalities = await findMunicipalities(ctx.db, ctx.actor.organisationId);
  if (!municipalities.some((m) => m.id === input.municipalityId) || !actsForMunicipality(ctx.actor, input.municipalityId)) {
    throw badRequest('onbekende-gemeente', 'Deze gemeente hoort niet bij uw organisatie.', [
      { name: 'municipalityId', code: 'onbekend', reason: 'Kies een gemeente van uw organisatie.' },
    ]);
  }
  const municipality = municipalities.find((m) => m.id === input.municipalityId)!;
  const settings: Record<string, string | number | boolean> = { ...input.settings };
  if (input.channel === 'gesimuleerd') {
    settings.municipalityName ??= municipality.name;
    settings.startedAt ??= ctx.clock.now().toISOString();
  }
  const secrets = input.secrets ?? {};
  assertRequirements(input.channel, input.serviceUrl ?? null, settings, secrets, { settings: input.settings, secrets });
  const id = randomUUID();
  return runInTransaction(ctx, async (tx) => {
    const row = await insertAccount(tx.db, tx.actor.organisationId, {
      id,
      municipality_id: input.municipalityId,
      channel: input.channel,
      handle: input.handle.trim(),
      display_name: input.displayName?.trim() || input.handle.trim(),
      service_url: input.serviceUrl ?? null,
      settings: JSON.stringify(settings),
      secrets_sealed: Object.keys(secrets).length > 0 ? sealAccountSecrets(keys, tx.actor.organisationId, id, secrets) : null,
      owner_user_id: tx.actor.userId || null,
      // A phone line or the contact form has nothing to connect to: it works as soon as it exists.
      ...(SELF_CONTAINED.has(input.channel) && { status: 'verbonden' as const }),
      created_at: tx.clock.now(),
    }).catch((error) => {
      if (isUniqueViolation(error)) throw conflict('account-bestaat-al', `Het account ${input.handle} op ${input.channel} is al gekoppeld.`);
      throw error;
    });
    await recordAudit(tx, {
      action: 'kanaalaccount.gekoppeld',
      recordType: 'kanaalaccount',
      recordId: id,
      // Names of the secrets only, never their values.
      details: { channel: input.channel, handle: row.handle, municipalityId: input.municipalityId, secrets: Object.keys(secrets) },
    });
    await startPolling(tx.db, tx.clock, row);
    return toAccountView(row);
  });
}

export async function changeAccount(ctx: ServiceContext, keys: SecretKeys, accountId: string, change: AccountChange) {
  assertCan(ctx.actor, 'channels.manage');
  return runInTransaction(ctx, async (tx) => {
    const row = await findAccount(tx.db, tx.actor.organisationId, accountId);
    if (!row || !actsForMunicipality(tx.actor, row.municipality_id)) throw notFound('Het kanaalaccount');
    const settings = change.settings ? { ...row.settings, ...change.settings } : row.settings;
    // New secrets are merged into the stored ones, so changing one token keeps the others.
    const secrets = change.secrets
      ? mergeSecrets(row.channel as Channel, openAccountSecrets(keys, row.organisation_id, row.id, row.secrets_sealed), change.secrets)
      : null;
    const serviceUrl = change.serviceUrl === undefined ? row.service_url : change.serviceUrl;
    if (change.settings || change.secrets || change.serviceUrl !== undefined) {
      assertRequirements(row.channel as Channel, serviceUrl, settings, secrets ?? requiredSecretsPlaceholder(row), change);
    }
    const resumed = change.paused === false && row.paused;
    const changes: Updateable<ChannelAccountsTable> = {
      ...(change.displayName !== undefined && { display_name: change.displayName }),
      ...(change.serviceUrl !== undefined && { service_url: change.serviceUrl }),
      ...(change.settings && { settings: JSON.stringify(settings) }),
      ...(secrets && { secrets_sealed: sealAccountSecrets(keys, row.organisation_id, row.id, secrets) }),
      ...(change.paused !== undefined && {
        paused: change.paused,
        status: change.paused ? 'gepauzeerd' : SELF_CONTAINED.has(row.channel as Channel) ? 'verbonden' : 'nieuw',
      }),
      // New credentials are a fresh start for an account that needed attention.
      ...(change.secrets && !change.paused && row.status === 'aandacht-nodig' && { status: 'nieuw' as const }),
    };
    if (Object.keys(changes).length === 0) return viewWithHealth(tx.db, row);
    const updated = await updateAccount(tx.db, tx.actor.organisationId, accountId, changes);
    await recordAudit(tx, {
      action: change.paused === true ? 'kanaalaccount.gepauzeerd' : resumed ? 'kanaalaccount.hervat' : 'kanaalaccount.gewijzigd',
      recordType: 'kanaalaccount',
      recordId: accountId,
      details: { ...change, secrets: change.secrets ? Object.keys(change.secrets) : undefined },
    });
    if (resumed || (change.secrets && row.status === 'aandacht-nodig')) await startPolling(tx.db, tx.clock, updated!);
    return viewWithHealth(tx.db, updated!);
  });
}

// Checking requirements without opening the stored secrets: their names are enough.
function requiredSecretsPlaceholder(row: ChannelAccountRow): Record<string, string> {
  if (!row.secrets_sealed) return {};
  return Object.fromEntries(
    CHANNEL_REQUIREMENTS[row.channel as Channel].fields.filter((field) => field.kind === 'secret').map((field) => [field.key, 'opgeslagen']),
  );
}

// After a key rotation: seal every stored secret again with the current key. Values that still open only with a
// previous key are re-sealed in one transaction; the others are left as they are.
export async function resealAccountSecrets(db: Db, keys: SecretKeys) {
  let resealed = 0;
  const rows = await findAllSealedSecrets(db);
  await db.transaction().execute(async (trx) => {
    for (const row of rows) {
      if (isSealedWithCurrentKey(keys, row.organisation_id, row.id, row.secrets_sealed!)) continue;
      const secrets = openAccountSecrets(keys, row.organisation_id, row.id, row.secrets_sealed);
      await updateAccount(trx, row.organisation_id, row.id, { secrets_sealed: sealAccountSecrets(keys, row.organisation_id, row.id, secrets) });
      resealed++;
    }
  });
  return { total: rows.length, resealed };
}

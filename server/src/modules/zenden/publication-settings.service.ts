import type { PublicationAccountSetting } from '@contracts/publications';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import { notFound } from '@platform/http/http.errors';
import { actsForMunicipality, assertCan, scopeOf } from '@platform/tenancy/policy.rules';
import { findChannelAccount, listChannelAccounts } from '../channels/index';
import { findAccountSettings, upsertAccountSetting } from './publication-settings.repository';

type Account = NonNullable<Awaited<ReturnType<typeof findChannelAccount>>>;

function toSettingView(account: Account, setting: { approval: 'geen' | 'een' | 'twee'; crisis_account: boolean } | undefined): PublicationAccountSetting {
  return {
    accountId: account.id,
    municipalityId: account.municipality_id,
    channel: account.channel,
    handle: account.handle,
    approval: setting?.approval ?? 'geen',
    crisisAccount: setting?.crisis_account ?? false,
  };
}

// Per account of the organisation (as far as the person works for its municipality): who approves its posts.
export async function listPublicationAccountSettings(ctx: ServiceContext) {
  assertCan(ctx.actor, 'publications.read');
  const accounts = await listChannelAccounts(ctx.db, scopeOf(ctx.actor));
  const settings = await findAccountSettings(
    ctx.db,
    ctx.actor.organisationId,
    accounts.map((account) => account.id),
  );
  return accounts.map((account) =>
    toSettingView(
      account,
      settings.find((setting) => setting.account_id === account.id),
    ),
  );
}

export async function changePublicationAccountSetting(
  ctx: ServiceContext,
  accountId: string,
  change: { approval: 'geen' | 'een' | 'twee'; crisisAccount: boolean },
) {
  assertCan(ctx.actor, 'publications.settings');
  const account = await findChannelAccount(ctx.db, ctx.actor.organisationId, accountId);
  if (!account || !actsForMunicipality(ctx.actor, account.municipality_id)) throw notFound('Het kanaalaccount');
  return runInTransaction(ctx, async (tx) => {
    const saved = await upsertAccountSetting(tx.db, tx.actor.organisationId, account.id, {
      approval: change.approval,
      crisis_account: change.crisisAccount,
      updated_by: tx.actor.userId || null,
      updated_at: tx.clock.now(),
    });
    await recordAudit(tx, { action: 'zenden.accountregels-gewijzigd', recordType: 'kanaalaccount', recordId: account.id, details: change });
    return toSettingView(account, saved);
  });
}

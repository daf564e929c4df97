import type { Db } from '@platform/db/database.client';
import type { PublicationAccountSettingsTable } from '@platform/db/database.schema';

export async function findAccountSettings(db: Db, organisationId: string, accountIds: string[]) {
  if (accountIds.length === 0) return [];
  return db
    .selectFrom('publication_account_settings')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('account_id', 'in', accountIds)
    .execute();
}

export async function upsertAccountSetting(
  db: Db,
  organisationId: string,
  accountId: string,
  setting: Pick<PublicationAccountSettingsTable, 'approval' | 'crisis_account' | 'updated_by'> & { updated_at: Date },
) {
  return db
    .insertInto('publication_account_settings')
    .values({ organisation_id: organisationId, account_id: accountId, ...setting })
    .onConflict((conflict) => conflict.columns(['organisation_id', 'account_id']).doUpdateSet(setting))
    .returningAll()
    .executeTakeFirstOrThrow();
}

import type { Db } from '@platform/db/database';
import type { ConversationAlertsTable, OfficeHoursTable } from '@platform/db/schema';
import type { Insertable } from 'kysely';

export async function findOfficeHours(db: Db, organisationId: string, accountId: string) {
  return db.selectFrom('office_hours').selectAll().where('organisation_id', '=', organisationId).where('account_id', '=', accountId).executeTakeFirst();
}

export async function saveOfficeHours(db: Db, row: Insertable<OfficeHoursTable>) {
  const { organisation_id: _organisation, account_id: _account, ...changes } = row;
  return db
    .insertInto('office_hours')
    .values(row)
    .onConflict((conflict) => conflict.columns(['organisation_id', 'account_id']).doUpdateSet(changes))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findAccountZone(db: Db, organisationId: string, accountId: string) {
  return db
    .selectFrom('channel_accounts')
    .innerJoin('municipalities', (join) =>
      join.onRef('municipalities.organisation_id', '=', 'channel_accounts.organisation_id').onRef('municipalities.id', '=', 'channel_accounts.municipality_id'),
    )
    .select(['channel_accounts.id', 'channel_accounts.channel', 'channel_accounts.municipality_id', 'municipalities.time_zone'])
    .where('channel_accounts.organisation_id', '=', organisationId)
    .where('channel_accounts.id', '=', accountId)
    .executeTakeFirst();
}

// The idempotency key of an outbox item, to tell an automatic acknowledgement from an agent's answer.
export async function findOutboxKey(db: Db, organisationId: string, outboxId: string) {
  const row = await db
    .selectFrom('outbox')
    .select('idempotency_key')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', outboxId)
    .executeTakeFirst();
  return row?.idempotency_key;
}

// Conversations of every organisation whose resident waits past a due moment that has not been alerted
// yet; the alert job runs for the whole installation, like the klachten reminders.
export async function findUnalertedOverdue(db: Db, now: Date, limit: number) {
  const unalerted = (norm: 'eerste-reactie' | 'afhandeling', column: 'first_response_due_at' | 'resolution_due_at') =>
    db
      .selectFrom('conversations as c')
      .select([
        'c.organisation_id',
        'c.id',
        'c.municipality_id',
        'c.channel',
        'c.author_handle',
        'c.preview',
        'c.assigned_user_id',
        'c.assigned_team_id',
        `c.${column} as due_at`,
      ])
      .select((eb) => eb.val(norm).as('norm'))
      .where('c.state', 'in', ['open', 'gesnoozed'])
      .where(`c.${column}`, '<=', now)
      .$if(norm === 'eerste-reactie', (query) => query.where('c.waiting_since', 'is not', null))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('conversation_alerts as a')
              .select('a.conversation_id')
              .whereRef('a.organisation_id', '=', 'c.organisation_id')
              .whereRef('a.conversation_id', '=', 'c.id')
              .where('a.norm', '=', norm)
              .whereRef('a.due_at', '=', `c.${column}`),
          ),
        ),
      );
  return unalerted('eerste-reactie', 'first_response_due_at').unionAll(unalerted('afhandeling', 'resolution_due_at')).orderBy('due_at').limit(limit).execute();
}

// Claims one alert; null when another run or worker already did.
export async function claimAlert(db: Db, row: Insertable<ConversationAlertsTable>) {
  return db
    .insertInto('conversation_alerts')
    .values(row)
    .onConflict((conflict) => conflict.columns(['organisation_id', 'conversation_id', 'norm', 'due_at']).doNothing())
    .returning('conversation_id')
    .executeTakeFirst();
}

// Who hears of an overdue conversation: its assignee, else the members of its team, else the beheerders
// of the organisation and the webcare agents of its municipality. Only active people.
export async function findOverdueRecipients(
  db: Db,
  organisationId: string,
  conversation: { municipality_id: string; assigned_user_id: string | null; assigned_team_id: string | null },
) {
  const people = db
    .selectFrom('users')
    .select(['users.id', 'users.email', 'users.name'])
    .where('users.organisation_id', '=', organisationId)
    .where('users.active', '=', true);
  if (conversation.assigned_user_id) {
    const assignee = await people.where('users.id', '=', conversation.assigned_user_id).execute();
    if (assignee.length > 0) return assignee;
  }
  if (conversation.assigned_team_id) {
    const members = await people
      .innerJoin('team_members', (join) =>
        join.onRef('team_members.organisation_id', '=', 'users.organisation_id').onRef('team_members.user_id', '=', 'users.id'),
      )
      .where('team_members.team_id', '=', conversation.assigned_team_id)
      .orderBy('users.name')
      .execute();
    if (members.length > 0) return members;
  }
  return people
    .where(({ exists, selectFrom, and, or }) =>
      exists(
        selectFrom('user_roles')
          .select('user_roles.user_id')
          .whereRef('user_roles.organisation_id', '=', 'users.organisation_id')
          .whereRef('user_roles.user_id', '=', 'users.id')
          .where((eb) =>
            or([
              eb('user_roles.role', '=', 'beheerder'),
              and([
                eb('user_roles.role', '=', 'webcare'),
                exists(
                  selectFrom('user_municipalities')
                    .select('user_municipalities.user_id')
                    .whereRef('user_municipalities.organisation_id', '=', 'users.organisation_id')
                    .whereRef('user_municipalities.user_id', '=', 'users.id')
                    .where('user_municipalities.municipality_id', '=', conversation.municipality_id),
                ),
              ]),
            ]),
          ),
      ),
    )
    .orderBy('users.name')
    .execute();
}

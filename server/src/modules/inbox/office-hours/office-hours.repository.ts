import type { Db } from '@platform/db/database.client';
import type { ConversationAlertsTable, OfficeHoursTable } from '@platform/db/database.schema';
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

// The idempotency key of an outbox item, to tell an automatic acknowledgement from an agent's answer.
export async function findOutboxKey(db: Db, organisationId: string, outboxId: string) {
  const row = await db
    .selectFrom('published_outbox as outbox')
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

import type { Db } from '@platform/db/database.client';
import type { HandoffPartnersTable } from '@platform/db/database.schema';
import type { Insertable, Updateable } from 'kysely';

// Null when the organisation already has a partner of that name.
export async function insertPartner(db: Db, row: Insertable<HandoffPartnersTable>) {
  return db
    .insertInto('handoff_partners')
    .values(row)
    .onConflict((conflict) => conflict.columns(['organisation_id', 'name']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findPartners(db: Db, organisationId: string) {
  return db.selectFrom('handoff_partners').selectAll().where('organisation_id', '=', organisationId).orderBy('name').execute();
}

export async function findPartner(db: Db, organisationId: string, partnerId: string) {
  return db.selectFrom('handoff_partners').selectAll().where('organisation_id', '=', organisationId).where('id', '=', partnerId).executeTakeFirst();
}

export async function findPartnerByName(db: Db, organisationId: string, name: string) {
  return db.selectFrom('handoff_partners').select('id').where('organisation_id', '=', organisationId).where('name', '=', name).executeTakeFirst();
}

export async function updatePartner(db: Db, organisationId: string, partnerId: string, changes: Updateable<HandoffPartnersTable>) {
  return db
    .updateTable('handoff_partners')
    .set(changes)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', partnerId)
    .returningAll()
    .executeTakeFirst();
}

// Hand-offs already sent keep the partner's name and address; their partner_id becomes null.
export async function deletePartner(db: Db, organisationId: string, partnerId: string) {
  const result = await db.deleteFrom('handoff_partners').where('organisation_id', '=', organisationId).where('id', '=', partnerId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

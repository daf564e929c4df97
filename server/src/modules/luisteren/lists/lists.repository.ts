import type { Db } from '@platform/db/database.client';

export async function findLists(db: Db, organisationId: string) {
  const lists = await db.selectFrom('author_lists').selectAll().where('organisation_id', '=', organisationId).orderBy('name').execute();
  const members = await db
    .selectFrom('author_list_members')
    .select(['list_id', 'author_handle'])
    .where('organisation_id', '=', organisationId)
    .orderBy('author_handle')
    .execute();
  return lists.map((list) => ({ ...list, members: members.filter((member) => member.list_id === list.id).map((member) => member.author_handle) }));
}

export async function findList(db: Db, organisationId: string, listId: string) {
  return (await findLists(db, organisationId)).find((list) => list.id === listId);
}

export async function listNameTaken(db: Db, organisationId: string, name: string, exceptId?: string) {
  let query = db.selectFrom('author_lists').select('id').where('organisation_id', '=', organisationId).where('name', '=', name);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertList(db: Db, organisationId: string, list: { name: string; description: string }) {
  return db
    .insertInto('author_lists')
    .values({ organisation_id: organisationId, ...list })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateList(db: Db, organisationId: string, listId: string, changes: { name?: string; description?: string }) {
  if (Object.keys(changes).length === 0) return;
  await db.updateTable('author_lists').set(changes).where('organisation_id', '=', organisationId).where('id', '=', listId).execute();
}

export async function replaceMembers(db: Db, organisationId: string, listId: string, handles: string[]) {
  await db.deleteFrom('author_list_members').where('organisation_id', '=', organisationId).where('list_id', '=', listId).execute();
  const unique = [...new Set(handles)];
  if (unique.length > 0)
    await db
      .insertInto('author_list_members')
      .values(unique.map((author_handle) => ({ organisation_id: organisationId, list_id: listId, author_handle })))
      .execute();
}

export async function deleteList(db: Db, organisationId: string, listId: string) {
  await db.deleteFrom('author_lists').where('organisation_id', '=', organisationId).where('id', '=', listId).execute();
}

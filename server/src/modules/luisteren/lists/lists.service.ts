import type { authorListChangeSchema, authorListCreateSchema } from '@contracts/luisteren';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import { conflict, notFound } from '@platform/http/http.errors';
import { assertCan } from '@platform/tenancy/policy.rules';
import type { z } from 'zod';
import { deleteList, findList, findLists, insertList, listNameTaken, replaceMembers, updateList } from './lists.repository';

type ListRow = NonNullable<Awaited<ReturnType<typeof findList>>>;
const toListView = (row: ListRow) => ({ id: row.id, name: row.name, description: row.description, members: row.members });

// Author lists (raadsleden, pers, regiogemeenten) are filters in Luisteren and words in a query (lijst:pers).
// A changed list changes what new messages match; monitors that use it can be saved again to match the past.
export async function listAuthorLists(ctx: ServiceContext) {
  assertCan(ctx.actor, 'listening.read');
  return (await findLists(ctx.db, ctx.actor.organisationId)).map(toListView);
}

export async function createAuthorList(ctx: ServiceContext, input: z.infer<typeof authorListCreateSchema>) {
  assertCan(ctx.actor, 'listening.manage');
  return runInTransaction(ctx, async (tx) => {
    if (await listNameTaken(tx.db, tx.actor.organisationId, input.name)) throw conflict('naam-bestaat', `Er is al een lijst "${input.name}".`);
    const { id } = await insertList(tx.db, tx.actor.organisationId, { name: input.name, description: input.description });
    await replaceMembers(tx.db, tx.actor.organisationId, id, input.members);
    await recordAudit(tx, {
      action: 'auteurslijst.aangemaakt',
      recordType: 'auteurslijst',
      recordId: id,
      details: { name: input.name, members: input.members.length },
    });
    return toListView((await findList(tx.db, tx.actor.organisationId, id))!);
  });
}

export async function changeAuthorList(ctx: ServiceContext, listId: string, input: z.infer<typeof authorListChangeSchema>) {
  assertCan(ctx.actor, 'listening.manage');
  return runInTransaction(ctx, async (tx) => {
    if (!(await findList(tx.db, tx.actor.organisationId, listId))) throw notFound('De lijst');
    if (input.name !== undefined && (await listNameTaken(tx.db, tx.actor.organisationId, input.name, listId)))
      throw conflict('naam-bestaat', `Er is al een lijst "${input.name}".`);
    await updateList(tx.db, tx.actor.organisationId, listId, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.description !== undefined && { description: input.description }),
    });
    if (input.members !== undefined) await replaceMembers(tx.db, tx.actor.organisationId, listId, input.members);
    await recordAudit(tx, {
      action: 'auteurslijst.gewijzigd',
      recordType: 'auteurslijst',
      recordId: listId,
      details: { name: input.name, members: input.members?.length },
    });
    return toListView((await findList(tx.db, tx.actor.organisationId, listId))!);
  });
}

export async function removeAuthorList(ctx: ServiceContext, listId: string) {
  assertCan(ctx.actor, 'listening.manage');
  await runInTransaction(ctx, async (tx) => {
    if (!(await findList(tx.db, tx.actor.organisationId, listId))) throw notFound('De lijst');
    await deleteList(tx.db, tx.actor.organisationId, listId);
    await recordAudit(tx, { action: 'auteurslijst.verwijderd', recordType: 'auteurslijst', recordId: listId });
  });
}

import type { ServiceContext } from '@platform/context.service';
import type { SavedViewsTable } from '@platform/db/database.schema';
import { notFound } from '@platform/http/http.errors';
import { assertCan } from '@platform/tenancy/policy.rules';
import type { Selectable } from 'kysely';
import { deleteSavedView, findSavedViews, insertSavedView } from './saved-views.repository';

const toView = (row: Selectable<SavedViewsTable>) => ({ id: row.id, name: row.name, filters: row.filters, createdAt: row.created_at.toISOString() });

// Each agent keeps their own views; saving under an existing name replaces its filters.
export async function listSavedViews(ctx: ServiceContext) {
  assertCan(ctx.actor, 'inbox.read');
  return (await findSavedViews(ctx.db, ctx.actor.organisationId, ctx.actor.userId)).map(toView);
}

export async function saveView(ctx: ServiceContext, input: { name: string; filters: Record<string, string> }) {
  assertCan(ctx.actor, 'inbox.read');
  return toView(
    await insertSavedView(ctx.db, {
      organisationId: ctx.actor.organisationId,
      userId: ctx.actor.userId,
      name: input.name,
      filters: input.filters,
      at: ctx.clock.now(),
    }),
  );
}

export async function removeSavedView(ctx: ServiceContext, viewId: string) {
  assertCan(ctx.actor, 'inbox.read');
  if (!(await deleteSavedView(ctx.db, ctx.actor.organisationId, ctx.actor.userId, viewId))) throw notFound('De weergave');
}

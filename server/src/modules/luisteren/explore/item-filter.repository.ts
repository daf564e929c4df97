import type { Database } from '@platform/db/database.schema';
import { isInScope } from '@platform/db/in-scope.rules';
import type { Scope } from '@platform/tenancy/policy.rules';
import { type SelectQueryBuilder, sql } from 'kysely';

// Filters of Luisteren, as resolved by the service (the municipalities of the policy's scope, list ids, dates).
export interface ResolvedFilter {
  municipalityIds?: Scope['municipalityIds'];
  q?: string;
  monitorId?: string;
  channel?: string;
  tenor?: string;
  from?: Date;
  until?: Date;
  author?: string;
  listId?: string;
  // The author's stored network group; 'inwoner' for authors in none of the seven.
  networkGroup?: string;
  // The messages linked to this rumour, and their copies (an item folded into a linked one).
  rumourId?: string;
  withPlace?: boolean;
  reviewed?: boolean;
}

type ItemQuery<O> = SelectQueryBuilder<Database & { li: Database['listening_items']; m: Database['published_messages'] }, 'li' | 'm', O>;

// One place that turns the filters into SQL, for the list, the figures and the export alike.
export function applyItemFilter<O>(query: ItemQuery<O>, organisationId: string, filter: ResolvedFilter): ItemQuery<O> {
  let q = query.where('li.organisation_id', '=', organisationId).where(isInScope('li.municipality_id', filter));
  if (filter.q) q = q.where(sql<boolean>`m.search @@ websearch_to_tsquery('dutch', ${filter.q})`);
  if (filter.monitorId) {
    const monitorId = filter.monitorId;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('monitor_matches as mm')
          .select('mm.message_id')
          .whereRef('mm.organisation_id', '=', 'li.organisation_id')
          .where('mm.monitor_id', '=', monitorId)
          .whereRef('mm.posted_at', '=', 'li.posted_at')
          .whereRef('mm.message_id', '=', 'li.message_id'),
      ),
    );
  }
  if (filter.channel) q = q.where('li.channel', '=', filter.channel);
  if (filter.tenor) q = q.where('li.tenor', '=', filter.tenor as never);
  if (filter.from) q = q.where('li.posted_at', '>=', filter.from);
  if (filter.until) q = q.where('li.posted_at', '<', filter.until);
  // Authors go by their handle in lower case without a leading @, as author lists and the network keep them
  // (and as the index listening_items_author_idx has it).
  if (filter.author) q = q.where(sql<boolean>`lower(ltrim(li.author_handle, '@')) = ${filter.author.replace(/^@+/, '').toLowerCase()}`);
  if (filter.listId) {
    const listId = filter.listId;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('author_list_members as alm')
          .select('alm.author_handle')
          .whereRef('alm.organisation_id', '=', 'li.organisation_id')
          .where('alm.list_id', '=', listId)
          .where(sql<boolean>`alm.author_handle = lower(ltrim(li.author_handle, '@'))`),
      ),
    );
  }
  if (filter.networkGroup) {
    const inGroup = filter.networkGroup === 'inwoner' ? sql`` : sql` AND ang.network_group = ${filter.networkGroup}`;
    const classified = sql<boolean>`EXISTS (SELECT 1 FROM author_network_groups AS ang WHERE ang.organisation_id = li.organisation_id AND ang.author_handle = lower(ltrim(li.author_handle, '@'))${inGroup})`;
    q = q.where(filter.networkGroup === 'inwoner' ? sql<boolean>`NOT ${classified}` : classified);
  }
  if (filter.rumourId) {
    const rumourId = filter.rumourId;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('rumour_messages as rm')
          .select('rm.message_id')
          .whereRef('rm.organisation_id', '=', 'li.organisation_id')
          .where('rm.rumour_id', '=', rumourId)
          .where((inner) => inner.or([inner('rm.message_id', '=', inner.ref('li.message_id')), inner('rm.message_id', '=', inner.ref('li.duplicate_of'))])),
      ),
    );
  }
  if (filter.withPlace) q = q.where('m.geo_lat', 'is not', null);
  if (filter.reviewed !== undefined) q = q.where('li.reviewed_at', filter.reviewed ? 'is not' : 'is', null);
  return q;
}

import type { Db } from '@platform/db/database';
import type { TenorModel } from '../analysis/tenor-model';

// The organisation's tenor model, parsed once per version: a retrain bumps the version and every
// process picks it up with its next batch.
const cache = new Map<string, { version: number; model: TenorModel }>();

export async function tenorModelOf(db: Db, organisationId: string): Promise<TenorModel | null> {
  const row = await db.selectFrom('tenor_models').select(['version']).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!row) return null;
  const cached = cache.get(organisationId);
  if (cached?.version === row.version) return cached.model;
  const full = await db.selectFrom('tenor_models').select(['version', 'model']).where('organisation_id', '=', organisationId).executeTakeFirstOrThrow();
  const model = full.model as unknown as TenorModel;
  cache.set(organisationId, { version: full.version, model });
  return model;
}

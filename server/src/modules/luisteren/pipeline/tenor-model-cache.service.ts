import type { Db } from '@platform/db/database.client';
import type { TenorModel } from '../analysis/tenor-model.rules';
import { findTenorModel, findTenorModelVersion } from '../review/review.repository';

// The organisation's tenor model, parsed once per version: a retrain bumps the version and every
// process picks it up with its next batch.
const cache = new Map<string, { version: number; model: TenorModel }>();

export async function loadTenorModel(db: Db, organisationId: string): Promise<TenorModel | null> {
  const version = await findTenorModelVersion(db, organisationId);
  if (version === undefined) return null;
  const cached = cache.get(organisationId);
  if (cached?.version === version) return cached.model;
  const full = await findTenorModel(db, organisationId);
  const model = full.model as unknown as TenorModel;
  cache.set(organisationId, { version: full.version, model });
  return model;
}

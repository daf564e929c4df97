import type { ServiceContext } from '@platform/context';
import { badRequest } from '@platform/http/errors';
import { findMunicipalities } from '@platform/organisations/organisations.repository';
import { actsForMunicipality } from '@platform/tenancy/policy';

// Articles and texts for one municipality are kept by those who work for it; shared ones (no municipality)
// by anyone who manages the knowledge base.
export async function assertManagesMunicipality(ctx: ServiceContext, municipalityId: string | null) {
  if (!municipalityId) return;
  const known = (await findMunicipalities(ctx.db, ctx.actor.organisationId)).some((municipality) => municipality.id === municipalityId);
  if (!known || !actsForMunicipality(ctx.actor, municipalityId)) {
    throw badRequest('onbekende-gemeente', 'Deze gemeente hoort niet bij de gemeenten waarvoor u werkt.', [
      { name: 'municipalityId', code: 'onbekend', reason: 'Kies een van uw gemeenten, of geen voor alle gemeenten.' },
    ]);
  }
}

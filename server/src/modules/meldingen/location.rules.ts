import { badRequest } from '@platform/http/http.errors';
import { isInsideMunicipality } from '@platform/organisations/municipality-boundary.service';

// The loaded boundary, else the shipped CBS one of the municipality's code (with its margin), else the Netherlands.
export function assertInside(municipality: { boundary: unknown; cbs_code: string; name: string }, lat: number, lon: number) {
  if (isInsideMunicipality(municipality, lat, lon)) return;
  const reason = `Deze plek ligt buiten de gemeente ${municipality.name}. Kies een plek binnen de gemeente.`;
  throw badRequest('buiten-gemeente', reason, [
    { name: 'lat', code: 'buiten-gemeente', reason },
    { name: 'lon', code: 'buiten-gemeente', reason },
  ]);
}

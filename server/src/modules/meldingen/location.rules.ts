import { badRequest } from '@platform/http/http.errors';
import { isInside } from '@platform/organisations/boundary.rules';

export function assertInside(boundary: unknown, municipalityName: string, lat: number, lon: number) {
  if (isInside(boundary, lat, lon)) return;
  const reason = `Deze plek ligt buiten de gemeente ${municipalityName}. Kies een plek binnen de gemeente.`;
  throw badRequest('buiten-gemeente', reason, [
    { name: 'lat', code: 'buiten-gemeente', reason },
    { name: 'lon', code: 'buiten-gemeente', reason },
  ]);
}

import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { badRequest } from '../../platform/http/errors';

// Without a stored boundary Plein can only tell whether a place is in the Netherlands at all; operators
// load the municipality's boundary (CBS/PDOK gemeentegrenzen) to refuse places over the border.
const NETHERLANDS = { minLat: 50.7, maxLat: 53.7, minLon: 3.2, maxLon: 7.3 };

export function isInside(boundary: unknown, lat: number, lon: number): boolean {
  if (boundary && typeof boundary === 'object' && ['Polygon', 'MultiPolygon'].includes((boundary as { type?: string }).type ?? '')) {
    return booleanPointInPolygon([lon, lat], boundary as Polygon | MultiPolygon);
  }
  return lat >= NETHERLANDS.minLat && lat <= NETHERLANDS.maxLat && lon >= NETHERLANDS.minLon && lon <= NETHERLANDS.maxLon;
}

export function assertInside(boundary: unknown, municipalityName: string, lat: number, lon: number) {
  if (isInside(boundary, lat, lon)) return;
  const reason = `Deze plek ligt buiten de gemeente ${municipalityName}. Kies een plek binnen de gemeente.`;
  throw badRequest('buiten-gemeente', reason, [
    { name: 'lat', code: 'buiten-gemeente', reason },
    { name: 'lon', code: 'buiten-gemeente', reason },
  ]);
}

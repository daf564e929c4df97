import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

type Area = Polygon | MultiPolygon;

// The CBS boundaries that ship with Plein (server/geodata/nl-boundaries, "CBS / PDOK", 2025 division). They are
// generalised: corners rounded to about 100 m and borders cut into straight lines of a few kilometres, so a place
// near the border can fall on the wrong side. A place within this margin of a shipped boundary counts as inside; a
// wrongly refused resident is worse than a melding a few hundred metres over the border, which staff pass on.
export const SHIPPED_BOUNDARY_MARGIN_METRES = 1_000;

const SHIPPED_FILE = join(import.meta.dirname, '..', '..', '..', 'geodata', 'nl-boundaries', 'gemeente_2025.geojson');

// Without any boundary Plein can only tell whether a place is in the Netherlands at all.
const NETHERLANDS = { minLat: 50.7, maxLat: 53.7, minLon: 3.2, maxLon: 7.3 };

let shipped: Map<string, Area> | undefined;

function shippedBoundaries(): Map<string, Area> {
  if (!shipped) {
    const collection = JSON.parse(readFileSync(SHIPPED_FILE, 'utf8')) as FeatureCollection;
    shipped = new Map();
    for (const feature of collection.features) {
      const code = String(feature.properties?.statcode ?? '');
      if (/^GM\d{4}$/.test(code) && (feature.geometry.type === 'Polygon' || feature.geometry.type === 'MultiPolygon')) shipped.set(code, feature.geometry);
    }
  }
  return shipped;
}

const isArea = (value: unknown): value is Area =>
  typeof value === 'object' && value !== null && ['Polygon', 'MultiPolygon'].includes((value as { type?: string }).type ?? '');

export interface MunicipalityBoundary {
  area: Area;
  // 'beheerder': loaded with `plein municipality boundary` (exact, no margin); 'cbs': the shipped generalised one.
  source: 'beheerder' | 'cbs';
  marginMetres: number;
}

// A municipality's boundary: the one an operator loaded, else the shipped CBS boundary of its code (so a municipality
// created with a real CBS code has one at once), else none (a test or demo code such as GM9901).
export function getMunicipalityBoundary(municipality: { boundary: unknown; cbs_code: string }): MunicipalityBoundary | undefined {
  if (isArea(municipality.boundary)) return { area: municipality.boundary, source: 'beheerder', marginMetres: 0 };
  const area = shippedBoundaries().get(municipality.cbs_code);
  return area ? { area, source: 'cbs', marginMetres: SHIPPED_BOUNDARY_MARGIN_METRES } : undefined;
}

export function isInsideBoundary(boundary: MunicipalityBoundary | undefined, lat: number, lon: number): boolean {
  if (!boundary) return lat >= NETHERLANDS.minLat && lat <= NETHERLANDS.maxLat && lon >= NETHERLANDS.minLon && lon <= NETHERLANDS.maxLon;
  if (booleanPointInPolygon([lon, lat], boundary.area)) return true;
  if (boundary.marginMetres === 0) return false;
  return pointToPolygonDistance([lon, lat], boundary.area, { units: 'meters' }) <= boundary.marginMetres;
}

// Whether a place lies in the municipality, as the melding form, Open311, imports and the address search judge it.
export function isInsideMunicipality(municipality: { boundary: unknown; cbs_code: string }, lat: number, lon: number): boolean {
  return isInsideBoundary(getMunicipalityBoundary(municipality), lat, lon);
}

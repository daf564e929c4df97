import type { Config } from '@platform/config.service';
import type { Db } from '@platform/db/database.client';
import { getMunicipalityBoundary, isInsideMunicipality } from '@platform/organisations/municipality-boundary.service';
import { type GeocodedAddress, searchAddresses } from './geocoder.client';
import { findPublicTarget } from './submit.service';

// Without a boundary the map opens on the whole country; the resident then searches an address or uses a photo.
const NETHERLANDS_CENTRE = { lat: 52.1326, lon: 5.2913 };
const NETHERLANDS_ZOOM = 7;

type Position = number[];

function positionsOf(boundary: unknown): Position[] {
  const geometry = boundary as { type?: string; coordinates?: unknown } | null;
  if (!geometry || typeof geometry !== 'object') return [];
  if (geometry.type === 'Polygon') return ((geometry.coordinates as Position[][] | undefined) ?? []).flat();
  if (geometry.type === 'MultiPolygon') return ((geometry.coordinates as Position[][][] | undefined) ?? []).flat(2);
  return [];
}

// The middle of the boundary's bounding box and a zoom at which the whole municipality fits a phone screen.
export function mapViewOf(boundary: unknown): { centre: { lat: number; lon: number }; zoom: number; boundary: Record<string, unknown> | null } {
  const positions = positionsOf(boundary).filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
  if (positions.length === 0) return { centre: NETHERLANDS_CENTRE, zoom: NETHERLANDS_ZOOM, boundary: null };
  const lons = positions.map((p) => p[0]!);
  const lats = positions.map((p) => p[1]!);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const span = Math.max(maxLon - minLon, (maxLat - minLat) * 1.6, 0.005);
  // A 360 px wide map shows 360/256 tiles: about 506/2^zoom degrees of longitude.
  const zoom = Math.max(8, Math.min(16, Math.floor(Math.log2(506 / span))));
  return { centre: { lat: (minLat + maxLat) / 2, lon: (minLon + maxLon) / 2 }, zoom, boundary: boundary as Record<string, unknown> };
}

export async function mapSettings(db: Db, config: Config, slug: string, cbsCode: string) {
  const { municipality } = await findPublicTarget(db, slug, cbsCode);
  return { tilesUrl: config.mapTilesUrl, attribution: config.mapAttribution, ...mapViewOf(getMunicipalityBoundary(municipality)?.area ?? null) };
}

// Only addresses inside the municipality: a melding elsewhere would be refused when filed anyway.
export async function searchMunicipalityAddresses(db: Db, config: Config, slug: string, cbsCode: string, query: string): Promise<GeocodedAddress[]> {
  const { municipality } = await findPublicTarget(db, slug, cbsCode);
  const found = await searchAddresses(config.geocoderUrl, query, cbsCode);
  return found.filter((address) => isInsideMunicipality(municipality, address.lat, address.lon));
}

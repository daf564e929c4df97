import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../db/database.client';
import { findMunicipalities, findOrganisationBySlug, updateMunicipalityBoundary } from './organisations.repository';

export class BoundaryError extends Error {}

type Area = Polygon | MultiPolygon;

const isArea = (value: unknown): value is Area =>
  typeof value === 'object' &&
  value !== null &&
  ['Polygon', 'MultiPolygon'].includes((value as { type?: string }).type ?? '') &&
  Array.isArray((value as { coordinates?: unknown }).coordinates);

// A municipality's boundary from a GeoJSON file as PDOK/CBS publish them (gemeentegebied): a bare Polygon or
// MultiPolygon, a Feature, or a FeatureCollection in which the feature with the CBS code (statcode) is chosen.
// Only WGS84 is accepted; PDOK's default Rijksdriehoek coordinates are recognised and refused with a hint.
export function parseBoundary(text: string, cbsCode: string): Area {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BoundaryError('Het bestand is geen geldige GeoJSON (JSON kon niet worden gelezen).');
  }
  let area: unknown = parsed;
  const type = (parsed as { type?: string } | null)?.type;
  if (type === 'FeatureCollection') {
    const features = ((parsed as FeatureCollection).features ?? []) as Feature[];
    const match =
      features.length === 1 ? features[0] : features.find((feature) => String(feature.properties?.statcode ?? feature.properties?.code ?? '') === cbsCode);
    if (!match) throw new BoundaryError(`Het bestand bevat ${features.length} gebieden; geen ervan heeft statcode ${cbsCode}.`);
    area = match.geometry;
  } else if (type === 'Feature') {
    area = (parsed as Feature).geometry;
  }
  if (!isArea(area)) throw new BoundaryError('Verwacht een Polygon of MultiPolygon (of een Feature daarmee).');
  const points = (area.type === 'Polygon' ? [area.coordinates] : area.coordinates).flat(1).flat(1);
  if (points.length < 4 || points.some((point) => !Array.isArray(point) || point.length < 2 || !point.every((n) => Number.isFinite(n)))) {
    throw new BoundaryError('De grens bevat ongeldige coördinaten.');
  }
  if (points.some(([x, y]) => Math.abs(x!) > 180 || Math.abs(y!) > 90)) {
    throw new BoundaryError('De coördinaten lijken Rijksdriehoek (EPSG:28992). Exporteer de grens in WGS84 (EPSG:4326), lengte- en breedtegraad.');
  }
  return area;
}

export async function setMunicipalityBoundary(db: Db, input: { organisation: string; municipality: string; text: string }) {
  const organisation = await findOrganisationBySlug(db, input.organisation);
  if (!organisation) throw new BoundaryError(`--organisation "${input.organisation}": deze organisatie bestaat niet.`);
  const municipality = (await findMunicipalities(db, organisation.id)).find((m) => m.cbs_code === input.municipality);
  if (!municipality) throw new BoundaryError(`--municipality "${input.municipality}": deze gemeente hoort niet bij ${organisation.name}.`);
  const area = parseBoundary(input.text, municipality.cbs_code);
  await updateMunicipalityBoundary(db, organisation.id, municipality.id, area);
  return { municipality: municipality.name, polygons: area.type === 'Polygon' ? 1 : area.coordinates.length };
}

import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export type Boundary = Polygon | MultiPolygon | Feature<Polygon | MultiPolygon>;
type Point = { lat: number; lon: number };

const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE_LATITUDE = 111.19;
const RADIANS = Math.PI / 180;

// Haversine; the latitude check first rejects most far-away items without any trigonometry.
export function buildRadiusTest(center: Point, radiusKm: number): (point: Point) => boolean {
  const maxLatitudeDelta = radiusKm / KM_PER_DEGREE_LATITUDE;
  const centerLat = center.lat * RADIANS;
  const cosCenterLat = Math.cos(centerLat);
  return (point) => {
    if (Math.abs(point.lat - center.lat) > maxLatitudeDelta) return false;
    const dLat = (point.lat - center.lat) * RADIANS;
    const dLon = (point.lon - center.lon) * RADIANS;
    const a = Math.sin(dLat / 2) ** 2 + cosCenterLat * Math.cos(point.lat * RADIANS) * Math.sin(dLon / 2) ** 2;
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a))) <= radiusKm;
  };
}

// A municipality polygon has thousands of vertices; the bounding box answers "no" for nearly every
// item outside it before the exact test runs.
export function buildBoundaryTest(boundary: Boundary): (point: Point) => boolean {
  const geometry = boundary.type === 'Feature' ? boundary.geometry : boundary;
  const [west, south, east, north] = boundingBox(geometry);
  return (point) => {
    if (point.lon < west || point.lon > east || point.lat < south || point.lat > north) return false;
    return booleanPointInPolygon([point.lon, point.lat], geometry);
  };
}

function boundingBox(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const polygon of polygons) {
    // The outer ring bounds the polygon; holes lie inside it.
    for (const [lon = 0, lat = 0] of polygon[0] ?? []) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  return [west, south, east, north];
}

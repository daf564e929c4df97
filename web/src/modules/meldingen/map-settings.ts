import type { Municipality } from '@contracts/organisation';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { useMe } from '../../app/auth-context';
import type { LatLon } from '../../ui/LeafletMap';

export interface MapSettings {
  tilesUrl: string | null;
  attribution: string;
  centre: LatLon;
  zoom: number;
  boundary: GeoJSON.GeoJsonObject | null;
}

// PDOK's BRT achtergrondkaart (Kadaster), free of charge; used when the server does not say otherwise.
export const DEFAULT_MAP: MapSettings = {
  tilesUrl: 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png',
  attribution: 'Kaartgegevens © Kadaster',
  centre: { lat: 52.1326, lon: 5.2913 },
  zoom: 7,
  boundary: null,
};

// The tiles, attribution and outline the public form uses for this municipality; the defaults when that fails,
// so the map always works (also without tiles).
export function useMapSettings(municipality: Municipality | undefined) {
  const me = useMe();
  return useQuery({
    queryKey: ['map-settings', me.organisation.slug, municipality?.cbsCode],
    queryFn: async (): Promise<MapSettings> => {
      try {
        return await api.get<MapSettings>(`/api/v1/organisations/${me.organisation.slug}/municipalities/${municipality?.cbsCode}/map-settings`);
      } catch {
        return DEFAULT_MAP;
      }
    },
    enabled: Boolean(municipality),
    staleTime: 10 * 60_000,
  });
}

// The middle and a zoom at which all points fit a map of at least 600 × 350 px, with a margin. A degree of
// latitude is about 1.65 times as long as one of longitude here (52° north).
export function fitView(points: LatLon[], fallback: { centre: LatLon; zoom: number }): { centre: LatLon; zoom: number } {
  if (points.length === 0) return fallback;
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  // 256 px tiles: a map w px wide shows w·360/256 / 2^zoom degrees of longitude.
  const byWidth = Math.log2((600 * 360) / 256 / Math.max((maxLon - minLon) * 1.3, 0.001));
  const byHeight = Math.log2((350 * 360) / 256 / Math.max((maxLat - minLat) * 1.65 * 1.3, 0.001));
  const zoom = Math.max(7, Math.min(17, Math.floor(Math.min(byWidth, byHeight))));
  return { centre: { lat: (minLat + maxLat) / 2, lon: (minLon + maxLon) / 2 }, zoom };
}

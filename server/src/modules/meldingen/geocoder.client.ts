import { AppError } from '@platform/http/http.errors';

export interface GeocodedAddress {
  label: string;
  lat: number;
  lon: number;
}

const TIMEOUT_MS = 3_000;
const ROWS = 10;

const geocoderUnavailable = () =>
  new AppError(503, 'adres-zoeken-niet-beschikbaar', 'Adres zoeken lukt nu niet', 'Zoeken op adres lukt nu niet; zet een speld op de kaart.');

// "POINT(4.6692 52.5483)" (WKT, longitude first, as the Locatieserver gives centroide_ll) → coordinates.
export function parseWktPoint(text: unknown): { lat: number; lon: number } | null {
  if (typeof text !== 'string') return null;
  const match = /^\s*POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)\s*$/i.exec(text);
  if (!match) return null;
  const lon = Number(match[1]);
  const lat = Number(match[2]);
  return Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null;
}

// Asks a geocoder that answers like PDOK Locatieserver's free search (Solr: response.docs[] with weergavenaam
// and centroide_ll). The municipality's CBS code narrows the search; the caller still checks the boundary.
export async function searchAddresses(geocoderUrl: string, query: string, cbsCode: string): Promise<GeocodedAddress[]> {
  const url = new URL(geocoderUrl);
  url.searchParams.set('q', query);
  url.searchParams.append('fq', 'type:adres');
  url.searchParams.append('fq', `gemeentecode:${cbsCode.replace(/^GM/, '')}`);
  url.searchParams.set('fl', 'weergavenaam,centroide_ll');
  url.searchParams.set('rows', String(ROWS));
  let body: unknown;
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) throw new Error(`geocoder ${response.status}`);
    body = await response.json();
  } catch {
    throw geocoderUnavailable();
  }
  const docs = (body as { response?: { docs?: unknown } } | null)?.response?.docs;
  if (!Array.isArray(docs)) throw geocoderUnavailable();
  const found: GeocodedAddress[] = [];
  for (const doc of docs as Array<{ weergavenaam?: unknown; centroide_ll?: unknown }>) {
    const point = parseWktPoint(doc.centroide_ll);
    if (!point || typeof doc.weergavenaam !== 'string') continue;
    found.push({ label: doc.weergavenaam.slice(0, 300), ...point });
  }
  return found;
}

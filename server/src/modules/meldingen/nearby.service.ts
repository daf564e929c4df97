import { MELDING_STATUS_LABELS, type MeldingStatus } from '@contracts/meldingen';
import type { Db } from '@platform/db/database.client';
import { findOpenInBox } from './meldingen.repository';
import { findPublicTarget } from './submit.service';

const RADIUS_METRES = 150;

function distanceMetres(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
  // Equirectangular: exact enough over a few hundred metres.
  const toRad = Math.PI / 180;
  const x = (b.lon - a.lon) * toRad * Math.cos(((a.lat + b.lat) / 2) * toRad);
  const y = (b.lat - a.lat) * toRad;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}

// Before a resident files, the form shows open meldingen of the same kind close by: often the problem
// is already known. Only what is public: no description of others, no reporter.
export async function openMeldingenNearby(db: Db, slug: string, cbsCode: string, query: { categoryId: string; lat: number; lon: number }) {
  const { organisation, municipality } = await findPublicTarget(db, slug, cbsCode);
  const dLat = RADIUS_METRES / 111_000;
  const dLon = RADIUS_METRES / (111_000 * Math.cos((query.lat * Math.PI) / 180));
  const rows = await findOpenInBox(db, organisation.id, {
    municipalityId: municipality.id,
    categoryId: query.categoryId,
    minLat: query.lat - dLat,
    maxLat: query.lat + dLat,
    minLon: query.lon - dLon,
    maxLon: query.lon + dLon,
  });
  return rows
    .map((row) => ({
      distanceMetres: Math.round(distanceMetres(query, row)),
      status: row.status as MeldingStatus,
      statusLabel: MELDING_STATUS_LABELS[row.status as MeldingStatus],
      createdAt: row.created_at.toISOString(),
      lat: row.lat,
      lon: row.lon,
    }))
    .filter((row) => row.distanceMetres <= RADIUS_METRES)
    .sort((a, b) => a.distanceMetres - b.distanceMetres);
}

import type { QueryNode } from '@contracts/monitor-query';
import type { Db } from '@platform/db/database.client';
import { getMunicipalityBoundary } from '@platform/organisations/municipality-boundary.service';
import { findMunicipalities } from '@platform/organisations/organisations.repository';
import { findMonitorQueries, findMonitorsSignature } from '../monitors/monitors.repository';
import { type CompiledQuery, compileMonitorQuery } from '../query/matcher.rules';

export interface CompiledMonitor {
  id: string;
  municipalityId: string | null;
  query: CompiledQuery;
}

// Compiled monitors per organisation, rebuilt when a monitor changes (count and latest change are
// read per batch: one cheap query instead of compiling every query for every batch).
const cache = new Map<string, { signature: string; monitors: CompiledMonitor[] }>();

export async function loadMonitors(db: Db, organisationId: string): Promise<CompiledMonitor[]> {
  const signature = await findMonitorsSignature(db, organisationId);
  const cached = cache.get(organisationId);
  if (cached?.signature === signature) return cached.monitors;
  const monitors = await compileAll(db, organisationId);
  cache.set(organisationId, { signature, monitors });
  return monitors;
}

export async function compileMonitor(db: Db, organisationId: string, monitor: { id: string; municipality_id: string | null; query_ast: unknown }) {
  return {
    id: monitor.id,
    municipalityId: monitor.municipality_id,
    query: compileMonitorQuery(monitor.query_ast as QueryNode, { boundaries: await boundariesOf(db, organisationId) }),
  };
}

async function compileAll(db: Db, organisationId: string) {
  const rows = await findMonitorQueries(db, organisationId);
  if (rows.length === 0) return [];
  const boundaries = await boundariesOf(db, organisationId);
  return rows.map((row) => ({ id: row.id, municipalityId: row.municipality_id, query: compileMonitorQuery(row.query_ast as QueryNode, { boundaries }) }));
}

// plaats:GM0383 needs the municipality's boundary: the one loaded with `plein municipality boundary`, else the
// shipped CBS boundary of its code.
async function boundariesOf(db: Db, organisationId: string) {
  const municipalities = await findMunicipalities(db, organisationId);
  return new Map(
    municipalities.flatMap((municipality) => {
      const boundary = getMunicipalityBoundary(municipality);
      return boundary ? [[municipality.cbs_code, boundary.area as never] as const] : [];
    }),
  );
}

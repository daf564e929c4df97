import type { MunicipalityRow } from '@platform/db/database.schema';

// The municipality a GeoReport request is about, its organisation, and the client app that asked (if any).
export interface Open311Target {
  organisation: { id: string; slug: string };
  municipality: MunicipalityRow;
  clientId: string | null;
}

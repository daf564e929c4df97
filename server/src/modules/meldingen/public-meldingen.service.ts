import type { Db } from '@platform/db/database.client';
import { findPublicMeldingen, findPublicStatusEvents, type PublicMeldingFilter } from './public-meldingen.repository';

export { CLOSED_STATUSES, type PublicMeldingFilter, type PublicMeldingRow } from './public-meldingen.repository';

// What anyone may know of a municipality's meldingen (Open311's list): no reporter, newest first.
export function listPublicMeldingen(db: Db, organisationId: string, filter: PublicMeldingFilter) {
  return findPublicMeldingen(db, organisationId, filter);
}

// What a resident saw happen to these meldingen: filed and each status change with its text, oldest first.
export function listPublicHistory(db: Db, organisationId: string, meldingIds: string[]) {
  return findPublicStatusEvents(db, organisationId, meldingIds);
}

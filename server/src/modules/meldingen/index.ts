import type { PleinModule } from '@platform/plein-module.types';
import { mapRoutes } from './map.routes';
import { meldingenRoutes } from './meldingen.routes';

// Meldingen openbare ruimte: categories, filing, the status flow with news to the reporter, termijnen, KTO, figures.
export const meldingenModule: PleinModule = {
  name: 'meldingen',
  routes: async (app) => {
    await meldingenRoutes(app);
    await mapRoutes(app);
  },
};

export { ensureCategories, selectableCategories } from './categories.service';
export { ImportRejected, importMeldingen, type RowProblem } from './import.service';
export { findMeldingenFromMessages, meldingExists } from './meldingen.service';
export { CLOSED_STATUSES, listPublicMeldingen, type PublicMeldingFilter, type PublicMeldingRow, publicHistoryOf } from './public-meldingen.service';
export { changeMeldingStatus } from './status.service';
export { fileMelding, type MeldingLinks } from './submit.service';

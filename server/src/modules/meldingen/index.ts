import type { PleinModule } from '@platform/plein-module.types';
import { registerMapRoutes } from './map.routes';
import { registerMeldingenRoutes } from './meldingen.routes';

// Meldingen openbare ruimte: categories, filing, the status flow with news to the reporter, termijnen, KTO, figures.
export const meldingenModule: PleinModule = {
  name: 'meldingen',
  routes: async (app) => {
    await registerMeldingenRoutes(app);
    await registerMapRoutes(app);
  },
};

export { ensureCategories, filterSelectableCategories } from './categories.service';
export { ImportRejected, importMeldingen, type RowProblem } from './import.service';
export { findMeldingenFromMessages, hasMelding } from './meldingen.service';
export {
  CLOSED_STATUSES,
  listPublicHistory,
  listPublicMeldingen,
  type PublicMeldingFilter,
  type PublicMeldingRow,
} from './public-meldingen.service';
export { changeMeldingStatus } from './status.service';
export { fileMelding, type MeldingLinks } from './submit.service';

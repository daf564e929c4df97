import type { PleinModule } from '@platform/plein-module';
import { registerKlachtJobs } from './klacht-reminders';
import { klachtenRoutes } from './klachten.routes';

// Klachten (Awb hoofdstuk 9): the register, the Awb steps, reminders and the yearly report.
export const klachtenModule: PleinModule = {
  name: 'klachten',
  routes: klachtenRoutes,
  jobs: (registry, kit) => registerKlachtJobs(registry, { publicUrl: kit.publicUrl }),
};

export { assignKlachtHandler, changeKlachtStatus, decideKlacht, extendKlacht, planKlachtHearing } from './klacht-handling.service';
export { findKlachtenFromMessages, registerKlacht } from './klachten.service';

import type { PleinModule } from '@platform/plein-module.types';
import { REMINDER_JOB, registerKlachtJobs } from './klacht-reminders.jobs';
import { registerKlachtenRoutes } from './klachten.routes';

// Klachten (Awb hoofdstuk 9): the register, the Awb steps, reminders and the yearly report.
export const klachtenModule: PleinModule = {
  name: 'klachten',
  routes: registerKlachtenRoutes,
  // Reminders before the Awb decision deadline, each sent once (klacht_reminders).
  schedules: [{ name: 'klachten-herinneringen', job: REMINDER_JOB, cron: '5 * * * *' }],
  jobs: (registry, kit) => registerKlachtJobs(registry, { publicUrl: kit.publicUrl }),
};

export { assignKlachtHandler, changeKlachtStatus, decideKlacht, extendKlacht, planKlachtHearing } from './klacht-handling.service';
export { findKlachtenFromMessages, registerKlacht } from './klachten.service';

import type { PleinModule } from '@platform/plein-module.types';
import { registerPublicationRoutes } from './publications.routes';
import { PUBLISH_JOB, registerPublishingJobs } from './publishing.jobs';

// Zenden: publishing for the municipalities — messages planned per channel and handed to the channels' outbox at
// their minute, exactly once. Talks to channels only through channels/index.ts.
export const zendenModule: PleinModule = {
  name: 'zenden',
  routes: registerPublicationRoutes,
  // Every minute: what is due goes to the channels.
  schedules: [{ name: 'zenden', job: PUBLISH_JOB, cron: '* * * * *' }],
  jobs: (registry) => registerPublishingJobs(registry),
};

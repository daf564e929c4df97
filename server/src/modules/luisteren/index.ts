import type { ServiceContext } from '@platform/context.service';
import type { PleinModule } from '@platform/plein-module.types';
import { alertRoutes } from './alerts/alerts.routes';
import { alertStreamRoutes } from './alerts/alerts-stream.routes';
import { ANALYSIS_PLANNER_JOB } from './analyses/analyses.jobs';
import { analysisRoutes } from './analyses/analyses.routes';
import { exploreRoutes } from './explore/explore.routes';
import { findVisibleItem } from './explore/explore.service';
import { authorListRoutes } from './lists/lists.routes';
import { registerListeningJobs } from './luisteren.jobs';
import { monitorRoutes } from './monitors/monitors.routes';
import { networkRoutes } from './network/network.routes';
import { NETWORK_JOB } from './network/network-classifier.jobs';
import { LISTEN_JOB } from './pipeline/pipeline.service';
import { reviewRoutes } from './review/review.routes';
import { rumourRoutes } from './rumours/rumours.routes';

// Luisteren: monitors, the items the pipeline produced, corrections, alerts, author lists, rumours, analyses and
// the local network. Listening hears of every stored message; other modules use what is exported here.
export const listeningModule: PleinModule = {
  name: 'luisteren',
  routes: async (app) => {
    await monitorRoutes(app);
    await exploreRoutes(app);
    await reviewRoutes(app);
    await alertRoutes(app);
    await alertStreamRoutes(app);
    await authorListRoutes(app);
    await analysisRoutes(app);
    await rumourRoutes(app);
    await networkRoutes(app);
  },
  jobs: (registry, kit) => registerListeningJobs(registry, { publicUrl: kit.publicUrl }),
  storedMessages: { job: LISTEN_JOB, purpose: 'any' },
  schedules: [
    // Scheduled analyses (TamTam before the B&W meeting) are drafted once per due moment.
    { name: 'analyses-plannen', job: ANALYSIS_PLANNER_JOB, cron: '*/5 * * * *' },
    // Authors who wrote since the last run get their automatic network group.
    { name: 'netwerk-indelen', job: NETWORK_JOB, cron: '* * * * *' },
  ],
};

// A listening item this person may see (404 otherwise), with the conversation it is in, if any.
export function findVisibleListeningItem(ctx: ServiceContext, messageId: string) {
  return findVisibleItem(ctx, messageId);
}

export { importHistory } from './import/history-import.service';
export { createAuthorList } from './lists/lists.service';
export { createMonitor, monitorExists } from './monitors/monitors.service';
export { setAuthorGroup } from './network/network.service';
export { listeningFactsOf } from './pipeline/listening-facts.service';
export { processMessages } from './pipeline/pipeline.service';

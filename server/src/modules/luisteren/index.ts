import type { ServiceContext } from '@platform/context.service';
import type { PleinModule } from '@platform/plein-module.types';
import { registerAlertRoutes } from './alerts/alerts.routes';
import { registerAlertStreamRoutes } from './alerts/alerts-stream.routes';
import { ANALYSIS_PLANNER_JOB } from './analyses/analyses.jobs';
import { registerAnalysisRoutes } from './analyses/analyses.routes';
import { registerExploreRoutes } from './explore/explore.routes';
import { findVisibleItem } from './explore/explore.service';
import { registerAuthorListRoutes } from './lists/lists.routes';
import { registerListeningJobs } from './luisteren.jobs';
import { registerMonitorRoutes } from './monitors/monitors.routes';
import { registerNetworkRoutes } from './network/network.routes';
import { NETWORK_JOB } from './network/network-classifier.jobs';
import { LISTEN_JOB } from './pipeline/pipeline.service';
import { registerReviewRoutes } from './review/review.routes';
import { registerRumourRoutes } from './rumours/rumours.routes';

// Luisteren: monitors, the items the pipeline produced, corrections, alerts, author lists, rumours, analyses and
// the local network. Listening hears of every stored message; other modules use what is exported here.
export const listeningModule: PleinModule = {
  name: 'luisteren',
  routes: async (app) => {
    await registerMonitorRoutes(app);
    await registerExploreRoutes(app);
    await registerReviewRoutes(app);
    await registerAlertRoutes(app);
    await registerAlertStreamRoutes(app);
    await registerAuthorListRoutes(app);
    await registerAnalysisRoutes(app);
    await registerRumourRoutes(app);
    await registerNetworkRoutes(app);
  },
  jobs: (registry, kit) => registerListeningJobs(registry, { publicUrl: kit.publicUrl }),
  // Only what was said in public: a private message (e-mail, WhatsApp, the web form, a DM) is never listened to.
  storedMessages: { job: LISTEN_JOB, purpose: 'public' },
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
export { createMonitor, hasMonitor } from './monitors/monitors.service';
export { setAuthorGroup } from './network/network.service';
export { loadListeningFacts } from './pipeline/listening-facts.service';
export { processMessages } from './pipeline/pipeline.service';

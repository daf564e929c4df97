import type { PleinModule } from '@platform/plein-module.types';
import { registerAbuseRoutes } from './abuse/abuse.routes';
import { registerConversationFiguresRoutes } from './figures/figures.routes';
import { registerHandoffRoutes } from './handoff/handoff.routes';
import { registerReplyImagesRoutes } from './images/reply-images.routes';
import { registerInboxRoutes } from './inbox.routes';
import { registerListeningItemRoutes } from './listening-items.routes';
import { registerLiveInboxRoutes } from './live/live.routes';
import { registerOfficeHoursRoutes } from './office-hours/office-hours.routes';
import { OVERDUE_JOB, registerOfficeHoursJobs } from './office-hours/overdue-alerts.jobs';
import { registerReplyCheckRoutes } from './reply-checks.routes';
import { registerReplyReviewRoutes } from './review/review.routes';
import { registerRoutingRoutes } from './routing/routing.routes';
import { registerSatisfactionRoutes } from './satisfaction/satisfaction.routes';
import { registerInboxJobs, THREAD_JOB } from './threading.service';

// Webcare: conversations sorted from what residents sent, replies, review, routing, norms in opening hours,
// hand-off, abuse and satisfaction. Other modules use what is exported here and nothing else.
export const inboxModule: PleinModule = {
  name: 'inbox',
  routes: async (app) => {
    await registerInboxRoutes(app);
    await registerReplyImagesRoutes(app);
    await registerReplyReviewRoutes(app);
    await registerLiveInboxRoutes(app);
    await registerRoutingRoutes(app);
    await registerConversationFiguresRoutes(app);
    await registerAbuseRoutes(app);
    await registerSatisfactionRoutes(app);
    await registerHandoffRoutes(app);
    await registerOfficeHoursRoutes(app);
    await registerReplyCheckRoutes(app);
    await registerListeningItemRoutes(app);
  },
  jobs: (registry, kit) => {
    registerInboxJobs(registry);
    registerOfficeHoursJobs(registry, { publicUrl: kit.publicUrl });
  },
  storedMessages: { job: THREAD_JOB, purpose: 'conversation' },
  // Conversations past their response norm alert whoever handles them, once per due moment.
  schedules: [{ name: 'inbox-te-laat', job: OVERDUE_JOB, cron: '* * * * *' }],
};

export { bringIntoInbox } from './threading.service';

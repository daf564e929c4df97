import type { PleinModule } from '@platform/plein-module.types';
import { abuseRoutes } from './abuse/abuse.routes';
import { conversationFiguresRoutes } from './figures/figures.routes';
import { handoffRoutes } from './handoff/handoff.routes';
import { replyImagesRoutes } from './images/reply-images.routes';
import { inboxRoutes } from './inbox.routes';
import { listeningItemRoutes } from './listening-items.routes';
import { liveInboxRoutes } from './live/live.routes';
import { officeHoursRoutes } from './office-hours/office-hours.routes';
import { OVERDUE_JOB, registerOfficeHoursJobs } from './office-hours/overdue-alerts.jobs';
import { replyCheckRoutes } from './reply-checks.routes';
import { replyReviewRoutes } from './review/review.routes';
import { routingRoutes } from './routing/routing.routes';
import { satisfactionRoutes } from './satisfaction/satisfaction.routes';
import { registerInboxJobs, THREAD_JOB } from './threading.service';

// Webcare: conversations sorted from what residents sent, replies, review, routing, norms in opening hours,
// hand-off, abuse and satisfaction. Other modules use what is exported here and nothing else.
export const inboxModule: PleinModule = {
  name: 'inbox',
  routes: async (app) => {
    await inboxRoutes(app);
    await replyImagesRoutes(app);
    await replyReviewRoutes(app);
    await liveInboxRoutes(app);
    await routingRoutes(app);
    await conversationFiguresRoutes(app);
    await abuseRoutes(app);
    await satisfactionRoutes(app);
    await handoffRoutes(app);
    await officeHoursRoutes(app);
    await replyCheckRoutes(app);
    await listeningItemRoutes(app);
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

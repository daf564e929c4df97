import { auditRoutes } from '../platform/audit/audit.routes';
import { authRoutes } from '../platform/auth/auth.routes';
import { oidcRoutes } from '../platform/auth/oidc.routes';
import type { AppInstance } from '../platform/http/app';
import { installationRoutes } from '../platform/http/installation.routes';
import { jobsRoutes } from '../platform/jobs/jobs.routes';
import { channelsRoutes } from './channels/channels.routes';
import { webhookRoutes } from './channels/webhooks.routes';
import { simulatorRoutes } from './channels/connectors/simulator/simulator.routes';
import { klachtenRoutes } from './klachten/klachten.routes';
import { inboxRoutes } from './inbox/inbox.routes';
import { liveInboxRoutes } from './inbox/live/live.routes';
import { routingRoutes } from './inbox/routing/routing.routes';
import { conversationFiguresRoutes } from './inbox/figures/figures.routes';
import { abuseRoutes } from './inbox/abuse/abuse.routes';
import { satisfactionRoutes } from './inbox/satisfaction/satisfaction.routes';
import { knowledgeRoutes } from './knowledge/knowledge.routes';
import { officeHoursRoutes } from './inbox/office-hours/office-hours.routes';
import { mapRoutes } from './meldingen/map.routes';
import { meldingenRoutes } from './meldingen/meldingen.routes';
import { open311Routes } from './open311/open311.routes';
import { organisationsRoutes } from './organisations/organisations.routes';
import { usersRoutes } from './users/users.routes';

// Every module adds its routes here; the cross-tenant test matrix walks whatever is registered.
export async function registerModules(app: AppInstance): Promise<void> {
  await installationRoutes(app);
  await authRoutes(app);
  await oidcRoutes(app);
  await organisationsRoutes(app);
  await usersRoutes(app);
  await auditRoutes(app);
  await jobsRoutes(app);
  await channelsRoutes(app);
  await inboxRoutes(app);
  await liveInboxRoutes(app);
  await routingRoutes(app);
  await conversationFiguresRoutes(app);
  await abuseRoutes(app);
  await satisfactionRoutes(app);
  await knowledgeRoutes(app);
  await officeHoursRoutes(app);
  await webhookRoutes(app);
  await simulatorRoutes(app);
  await meldingenRoutes(app);
  await open311Routes(app);
  await mapRoutes(app);
  await klachtenRoutes(app);
}

import { registerAuditRoutes } from '../audit/audit.routes';
import { registerAuthRoutes } from '../auth/auth.routes';
import { registerOidcRoutes } from '../auth/oidc.routes';
import { registerJobsRoutes } from '../jobs/jobs.routes';
import { registerOrganisationsRoutes } from '../organisations/organisations.routes';
import { registerUsersRoutes } from '../users/users.routes';
import type { AppInstance } from './app.server';
import { registerInstallationRoutes } from './installation.routes';

// The foundation's own routes: installation, sign-in, the organisation and its people, audit and jobs.
export async function registerPlatformRoutes(app: AppInstance): Promise<void> {
  await registerInstallationRoutes(app);
  await registerAuthRoutes(app);
  await registerOidcRoutes(app);
  await registerOrganisationsRoutes(app);
  await registerUsersRoutes(app);
  await registerAuditRoutes(app);
  await registerJobsRoutes(app);
}

import { auditRoutes } from '../audit/audit.routes';
import { authRoutes } from '../auth/auth.routes';
import { oidcRoutes } from '../auth/oidc.routes';
import { jobsRoutes } from '../jobs/jobs.routes';
import { organisationsRoutes } from '../organisations/organisations.routes';
import { usersRoutes } from '../users/users.routes';
import type { AppInstance } from './app.server';
import { installationRoutes } from './installation.routes';

// The foundation's own routes: installation, sign-in, the organisation and its people, audit and jobs.
export async function platformRoutes(app: AppInstance): Promise<void> {
  await installationRoutes(app);
  await authRoutes(app);
  await oidcRoutes(app);
  await organisationsRoutes(app);
  await usersRoutes(app);
  await auditRoutes(app);
  await jobsRoutes(app);
}

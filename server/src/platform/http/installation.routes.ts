import { installationSchema } from '@contracts/installation';
import { API_VERSION } from './api-version.config';
import type { AppInstance } from './app.server';

// Facts about this installation that public pages need (the accessibility statement's contact address).
export async function registerInstallationRoutes(app: AppInstance) {
  app.get(
    '/api/v1/installation',
    {
      config: { access: 'public' },
      schema: { tags: ['Installatie'], summary: 'Gegevens van deze Plein-installatie', response: { 200: installationSchema } },
    },
    async () => ({ name: 'Plein', apiVersion: API_VERSION, contactEmail: app.deps.config.contactEmail }),
  );
}

import { jobSchema, jobsOverviewSchema, jobsQuerySchema } from '@contracts/admin';
import { idParams } from '@contracts/common';
import { type AppInstance, createServiceContext } from '../http/app.server';
import { listJobs, retryJob } from './jobs.service';

export async function registerJobsRoutes(app: AppInstance) {
  const tags = ['Beheer'];
  app.get(
    '/api/v1/jobs',
    {
      config: { permission: 'jobs.read' },
      schema: { tags, summary: 'Achtergrondtaken en planningen', querystring: jobsQuerySchema, response: { 200: jobsOverviewSchema } },
    },
    async (request) => listJobs(createServiceContext(request), request.query),
  );
  app.post(
    '/api/v1/jobs/:id/retry',
    { config: { permission: 'jobs.manage' }, schema: { tags, summary: 'Probeer een mislukte taak opnieuw', params: idParams, response: { 200: jobSchema } } },
    async (request) => retryJob(createServiceContext(request), request.params.id),
  );
}

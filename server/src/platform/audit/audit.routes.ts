import { auditPageSchema, auditQuerySchema } from '@contracts/admin';
import { type AppInstance, createServiceContext } from '../http/app.server';
import { assertCan } from '../tenancy/policy.rules';
import { listAuditEntries } from './audit.service';

export async function registerAuditRoutes(app: AppInstance) {
  app.get(
    '/api/v1/audit-log',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['Beheer'],
        summary: 'Auditlog met filters (nieuwste eerst), per pagina',
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema },
      },
    },
    async (request) => {
      const ctx = createServiceContext(request);
      assertCan(ctx.actor, 'audit.read');
      const { from, until, ...rest } = request.query;
      return listAuditEntries(ctx, { ...rest, from: from ? new Date(from) : undefined, until: until ? new Date(until) : undefined });
    },
  );
}

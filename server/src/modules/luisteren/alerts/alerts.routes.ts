import { idParams } from '@contracts/common';
import { alertSchema } from '@contracts/luisteren';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { z } from 'zod';
import { listAlerts, markSeen } from './alerts-view.service';

export async function registerAlertRoutes(app: AppInstance) {
  const tags = ['Luisteren'];

  app.get(
    '/api/v1/luisteren/signalen',
    {
      config: { permission: 'listening.read' },
      schema: {
        tags,
        summary: 'Signalen: pieken, nieuwsgolven en omslag naar kritiek, nieuwste eerst',
        querystring: z.strictObject({ monitor: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.array(alertSchema) },
      },
    },
    async (request) => listAlerts(createServiceContext(request), request.query),
  );

  app.post(
    '/api/v1/luisteren/signalen/:id/gezien',
    { config: { permission: 'listening.read' }, schema: { tags, summary: 'Markeer een signaal als gezien', params: idParams, response: { 200: alertSchema } } },
    async (request) => markSeen(createServiceContext(request), request.params.id),
  );
}

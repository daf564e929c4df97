import { idParams } from '@contracts/common';
import { officeHoursInputSchema, officeHoursSchema } from '@contracts/office-hours';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { getOfficeHours, putOfficeHours } from './office-hours.service';

export async function registerOfficeHoursRoutes(app: AppInstance) {
  const tags = ['Reageren'];

  app.get(
    '/api/v1/channel-accounts/:id/office-hours',
    {
      config: { permission: 'inbox.read' },
      schema: {
        tags,
        summary: 'Openingstijden en normen (eerste reactie, afhandeltermijn) van een kanaalaccount',
        params: idParams,
        response: { 200: officeHoursSchema },
      },
    },
    async (request) => getOfficeHours(createServiceContext(request), request.params.id),
  );

  app.put(
    '/api/v1/channel-accounts/:id/office-hours',
    {
      config: { permission: 'channels.manage' },
      schema: {
        tags,
        summary: 'Stel openingstijden, uitzonderingen, normen en de ontvangstbevestiging buiten openingstijden in (vervangt alles)',
        params: idParams,
        body: officeHoursInputSchema,
        response: { 200: officeHoursSchema },
      },
    },
    async (request) => putOfficeHours(createServiceContext(request), request.params.id, request.body),
  );
}

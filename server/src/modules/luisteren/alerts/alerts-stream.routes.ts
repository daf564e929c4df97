import { streamInfoSchema } from '@contracts/inbox-live';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { actsForMunicipality, assertCan } from '@platform/tenancy/policy.rules';

const HEARTBEAT_MS = 25_000;

// Server-sent events "signaal" with the alert's id, so the Luisteren pages show a new alert without reloading.
// An alert of a monitor for the whole organisation (municipalityId null) goes to everyone who may listen; one of
// a municipality's monitor only to those who work for that municipality. Modelled on the inbox stream.
export async function registerAlertStreamRoutes(app: AppInstance) {
  app.get(
    '/api/v1/luisteren/stream',
    {
      config: { permission: 'listening.read' },
      schema: {
        tags: ['Luisteren'],
        summary: 'Live nieuwe signalen (server-sent events; vraag met Accept: text/event-stream)',
        response: { 200: streamInfoSchema },
      },
    },
    async (request, reply) => {
      const ctx = createServiceContext(request);
      assertCan(ctx.actor, 'listening.read');
      const events = app.deps.events;
      if (!events || !String(request.headers.accept ?? '').includes('text/event-stream')) {
        return { stream: '/api/v1/luisteren/stream', hint: 'Open dit adres met Accept: text/event-stream (EventSource) voor live signalen.' };
      }
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      reply.raw.write('retry: 3000\n\n');
      const unsubscribe = events.subscribe(ctx.actor.organisationId, (change) => {
        if (change.kind !== 'signaal') return;
        if (change.municipalityId !== null && !actsForMunicipality(ctx.actor, change.municipalityId)) return;
        reply.raw.write(`event: signaal\ndata: ${JSON.stringify({ id: change.id })}\n\n`);
      });
      // A comment now and then keeps proxies from closing an idle stream.
      const heartbeat = setInterval(() => reply.raw.write(': \n\n'), HEARTBEAT_MS);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );
}

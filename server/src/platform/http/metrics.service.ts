import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { equalsInConstantTime } from '../auth/secrets.rules';
import { AppError, notFound } from './http.errors';

export function installMetrics(app: FastifyInstance, options: { defaultMetrics: boolean; token?: string }) {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'plein_' });
  const requests = new Counter({
    name: 'plein_http_requests_total',
    help: 'HTTP-verzoeken per route en status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'plein_http_request_duration_seconds',
    help: 'Duur van HTTP-verzoeken',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, not the URL, keeps the number of series bounded.
    const route = request.routeOptions.url ?? 'onbekend';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  // Not public: the figures tell how an installation is used and by how many. Prometheus sends the operator's token as a
  // bearer; the route has no access config, so the API's own token check (of users' API tokens) leaves it to this one.
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!options.token) throw notFound('Dit adres');
    const given = request.headers.authorization?.startsWith('Bearer ') ? request.headers.authorization.slice(7).trim() : '';
    if (!equalsInConstantTime(given, options.token))
      throw new AppError(401, 'metrieken-token-ongeldig', 'Niet toegestaan', 'Vraag /metrics met het token van PLEIN_METRICS_TOKEN (Authorization: Bearer …).');
    reply.type(registry.contentType);
    return registry.metrics();
  });
  return registry;
}

import type { FastifyInstance, HTTPMethods } from 'fastify';
import FindMyWay from 'find-my-way';

// Fastify answers 404 for a known path with an unknown method; NLGov ADR wants 405 with Allow.
export function trackRouteMethods(app: FastifyInstance) {
  const router = FindMyWay();
  const methodsByPath = new Map<string, Set<string>>();
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let known = methodsByPath.get(route.url);
    if (!known) {
      known = new Set();
      methodsByPath.set(route.url, known);
      router.on('GET', route.url, () => {}, { path: route.url });
    }
    for (const method of methods) known.add(method as HTTPMethods);
  });
  return {
    allowedMethods(url: string): string[] | null {
      const path = url.split('?')[0] ?? '/';
      const found = router.find('GET', path);
      if (!found) return null;
      const known = methodsByPath.get((found.store as { path: string }).path);
      return known ? [...known].sort() : null;
    },
  };
}

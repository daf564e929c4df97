import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppInstance } from '@platform/http/app.server';
import { notFound } from '@platform/http/http.errors';
import { z } from 'zod';
import { SIMULATED_PHOTOS } from './scenario.service';

const photoDir = join(dirname(fileURLToPath(import.meta.url)), 'photos');
const photos = new Map(SIMULATED_PHOTOS.map((name) => [name, readFileSync(join(photoDir, `${name}.svg`))]));

// The photos simulated meldingen carry: drawn, labelled GESIMULEERD, the same for everyone.
export async function registerSimulatorRoutes(app: AppInstance) {
  app.get(
    '/simulator/fotos/:name',
    { config: { access: 'public' }, schema: { hide: true, params: z.strictObject({ name: z.string().max(40) }) } },
    async (request, reply) => {
      const photo = photos.get(request.params.name.replace(/\.svg$/, '') as (typeof SIMULATED_PHOTOS)[number]);
      if (!photo) throw notFound('Deze foto');
      return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(photo);
    },
  );
}

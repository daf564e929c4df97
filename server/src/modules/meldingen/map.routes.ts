import type { AppInstance } from '@platform/http/app.server';
import { z } from 'zod';
import { mapSettings, searchMunicipalityAddresses } from './map.service';

const municipalityParams = z.strictObject({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Onbekende organisatie'),
  cbsCode: z.string().regex(/^GM\d{4}$/, 'Gebruik een CBS-code zoals GM0383'),
});

const point = z.object({ lat: z.number(), lon: z.number() });

// The map and the address search of the public melding form: what to show and where, without an account.
export async function registerMapRoutes(app: AppInstance) {
  const { db, config } = app.deps;
  const tags = ['Meldingen (openbaar)'];

  app.get(
    '/api/v1/organisations/:slug/municipalities/:cbsCode/map-settings',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Kaartinstellingen voor het meldformulier: tegels, bronvermelding, middelpunt en grens van de gemeente',
        params: municipalityParams,
        response: {
          200: z.object({
            tilesUrl: z.string().describe('XYZ-sjabloon met {z}, {x} en {y}'),
            attribution: z.string(),
            centre: point,
            zoom: z.number().int(),
            boundary: z.record(z.string(), z.unknown()).nullable().describe('GeoJSON (Polygon of MultiPolygon) of null'),
          }),
        },
      },
    },
    async (request) => mapSettings(db, config, request.params.slug, request.params.cbsCode),
  );

  app.get(
    '/api/v1/organisations/:slug/municipalities/:cbsCode/address-search',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Zoek een adres binnen de gemeente (via de ingestelde geocoder, standaard PDOK Locatieserver)',
        params: municipalityParams,
        querystring: z.strictObject({ q: z.string().trim().min(2, 'Typ minstens 2 tekens').max(200) }),
        response: { 200: z.array(point.extend({ label: z.string() })) },
      },
    },
    async (request) => searchMunicipalityAddresses(db, config, request.params.slug, request.params.cbsCode, request.query.q),
  );
}

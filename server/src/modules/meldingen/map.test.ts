import { buildOrganisation } from '@test/factories';
import { createTestApp, type TestApp } from '@test/harness';
import { startPdokLocatieserver } from '@test/platforms/pdok-locatieserver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWktPoint } from './geocoder.client';

// A stand-in for PDOK Locatieserver: one address in Castricum, one in Amsterdam; "storing" answers 500.
const CASTRICUM = {
  type: 'Polygon',
  coordinates: [
    [
      [4.6, 52.5],
      [4.75, 52.5],
      [4.75, 52.6],
      [4.6, 52.6],
      [4.6, 52.5],
    ],
  ],
};
let geocoder: Awaited<ReturnType<typeof startPdokLocatieserver>>;
let t: TestApp;

beforeAll(async () => {
  // One address inside Castricum and one outside, which the search must leave out.
  geocoder = await startPdokLocatieserver({
    docs: [
      { weergavenaam: 'Dorpsstraat 1, 1901EJ Castricum', centroide_ll: 'POINT(4.6692 52.5483)' },
      { weergavenaam: 'Dam 1, 1012JS Amsterdam', centroide_ll: 'POINT(4.8924 52.3731)' },
    ],
    failOn: 'storing',
  });
  t = await createTestApp({ PLEIN_GEOCODER_URL: geocoder.url, PLEIN_MAP_TILES_URL: 'https://tiles.example.nl/{z}/{x}/{y}.png' });
});
afterAll(async () => {
  await t.close();
  await geocoder.close();
});

describe('kaart en adres zoeken bij het meldformulier', () => {
  it('geeft tegels, bronvermelding en zonder geladen grens de CBS-grens; met een geladen grens het midden daarvan', async () => {
    const org = await buildOrganisation(t.database.db);
    const base = `/api/v1/organisations/${org.slug}/municipalities/GM0383`;
    const without = await t.app.inject({ method: 'GET', url: `${base}/map-settings` });
    expect(without.statusCode, without.body).toBe(200);
    expect(without.json()).toMatchObject({
      tilesUrl: 'https://tiles.example.nl/{z}/{x}/{y}.png',
      attribution: 'Kaartgegevens © Kadaster',
      boundary: { type: 'Polygon' },
    });
    expect(without.json().centre.lat).toBeCloseTo(52.55, 1);
    expect(without.json().centre.lon).toBeCloseTo(4.66, 1);
    expect(without.json().zoom).toBeGreaterThanOrEqual(10);
    const castricum = org.municipalities.find((m) => m.cbs_code === 'GM0383')!;
    await t.database.db
      .updateTable('municipalities')
      .set({ boundary: JSON.stringify(CASTRICUM) })
      .where('id', '=', castricum.id)
      .execute();
    const settings = (await t.app.inject({ method: 'GET', url: `${base}/map-settings` })).json();
    expect(settings.centre.lat).toBeCloseTo(52.55, 2);
    expect(settings.centre.lon).toBeCloseTo(4.675, 2);
    expect(settings.zoom).toBeGreaterThanOrEqual(10);
    expect(settings.boundary.type).toBe('Polygon');
    expect(without.headers['content-security-policy']).toContain('https://tiles.example.nl');
  });

  it('zoekt adressen via de geocoder en houdt alleen adressen binnen de gemeente over', async () => {
    const org = await buildOrganisation(t.database.db);
    const castricum = org.municipalities.find((m) => m.cbs_code === 'GM0383')!;
    await t.database.db
      .updateTable('municipalities')
      .set({ boundary: JSON.stringify(CASTRICUM) })
      .where('id', '=', castricum.id)
      .execute();
    const base = `/api/v1/organisations/${org.slug}/municipalities/GM0383`;
    const found = await t.app.inject({ method: 'GET', url: `${base}/address-search?q=${encodeURIComponent('dorpsstraat 1')}` });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json()).toEqual([{ label: 'Dorpsstraat 1, 1901EJ Castricum', lat: 52.5483, lon: 4.6692 }]);
    expect(geocoder.lastQuery?.getAll('fq')).toEqual(['type:adres', 'gemeentecode:0383']);

    const down = await t.app.inject({ method: 'GET', url: `${base}/address-search?q=storing` });
    expect(down.statusCode).toBe(503);
    expect(down.json().detail).toContain('zet een speld op de kaart');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${org.slug}/municipalities/GM9999/address-search?q=dam` })).statusCode).toBe(404);
  });

  it('leest WKT-punten van de Locatieserver (lengtegraad eerst)', () => {
    expect(parseWktPoint('POINT(4.6692 52.5483)')).toEqual({ lat: 52.5483, lon: 4.6692 });
    expect(parseWktPoint('POLYGON((1 2))')).toBeNull();
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CASTRICUM_BOUNDARY } from '@test/castricum-boundary';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, findSeriousAxeViolations, launchChromium, openContext, PHONE, screenshot, waitForPage } from './browser';
import { type E2eApp, startE2eApp } from './e2e-app';

// A square around Castricum; the photo below was taken inside it, Amsterdam lies outside.
const AMSTERDAM = { latitude: 52.3731, longitude: 4.8924 };

// Stands in for the internet: PDOK Locatieserver's free search answers, map tiles are missing (404).
function startStandIn(): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/free') {
      response.writeHead(404).end();
      return;
    }
    const docs = /dorpsstraat/i.test(url.searchParams.get('q') ?? '')
      ? [
          { type: 'adres', weergavenaam: 'Dorpsstraat 30, 1901EN Castricum', centroide_ll: 'POINT(4.66951 52.54851)' },
          { type: 'adres', weergavenaam: 'Dorpsstraat 30, 1741AB Schagen', centroide_ll: 'POINT(4.79900 52.78700)' },
        ]
      : [];
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ response: { numFound: docs.length, start: 0, docs } }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// A phone photo: a JPEG with GPS in Castricum (52.5483 N, 4.6692 E).
function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 90, g: 110, b: 130 } } })
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 32/1 5400/100', GPSLongitudeRef: 'E', GPSLongitude: '4/1 40/1 900/100' } })
    .jpeg()
    .toBuffer();
}

describe('melding doen als inwoner (telefoon, zonder account)', () => {
  let standIn: Server;
  let e2e: E2eApp;
  let browser: Browser;
  let formPath: string;

  beforeAll(async () => {
    standIn = await startStandIn();
    const standInUrl = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}`;
    e2e = await startE2eApp({ PLEIN_GEOCODER_URL: `${standInUrl}/free`, PLEIN_MAP_TILES_URL: `${standInUrl}/tiles/{z}/{x}/{y}.png` });
    const castricum = e2e.organisation.municipalities.find((m) => m.cbs_code === 'GM0383')!;
    await e2e.testApp.database.db
      .updateTable('municipalities')
      .set({ boundary: JSON.stringify(CASTRICUM_BOUNDARY) })
      .where('id', '=', castricum.id)
      .execute();
    formPath = `/melden/${e2e.organisation.slug}/GM0383`;
    // A neighbour already reported a broken street light a few metres from where the photo was taken.
    const base = `/api/v1/organisations/${e2e.organisation.slug}/municipalities/GM0383`;
    const categories = (await e2e.testApp.app.inject({ method: 'GET', url: `${base}/melding-categories` })).json().categories as Array<{
      id: string;
      code: string;
    }>;
    const lamp = categories.find((c) => c.code === 'verlichting-lantaarnpaal')!;
    const filed = await e2e.testApp.app.inject({
      method: 'POST',
      url: `${base}/meldingen`,
      payload: { categoryId: lamp.id, description: 'Lamp brandt niet meer', lat: 52.5485, lon: 4.6694 },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await e2e?.close();
    standIn?.close();
  });

  async function openForm(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${e2e.baseUrl}${formPath}`);
    await waitForPage(page);
    return { page, errors };
  }

  it('kiest via zoeken, beschrijft, gebruikt de plek van de foto, ziet wat vlakbij al gemeld is en volgt de melding', async () => {
    const context = await openContext(browser, PHONE);
    const { page, errors } = await openForm(context);
    await page.getByRole('heading', { level: 1, name: 'Melding doen in Castricum' }).waitFor();

    await page.getByLabel('Zoek een onderwerp').fill('lantaarn');
    await expect.poll(() => page.getByRole('radio').count()).toBe(1);
    await page.getByRole('radio', { name: 'Lantaarnpaal kapot' }).check();
    await page.getByLabel('Omschrijving').fill('De lantaarnpaal voor nummer 30 brandt al een week niet.');
    await page.getByLabel('Nummer van de lantaarnpaal (staat op een plaatje op de paal) (optioneel)').fill('CAS-0412');

    await page.getByLabel('Kies foto’s').setInputFiles({ name: 'lantaarnpaal.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto() });
    await page.getByText('Foto "lantaarnpaal.jpg" is toegevoegd.').waitFor();
    await page.getByRole('img', { name: 'Foto 1: lantaarnpaal.jpg' }).waitFor();
    await page.getByRole('button', { name: 'Gebruik de plek van de foto' }).click();
    await page.getByText('Gekozen plek: coördinaten 52.54833, 4.66917').waitFor();
    // The map works without tiles: the pin is there and says what it is.
    await page.locator('.plein-map-marker--pin[aria-label]').waitFor();

    const nearby = page.getByRole('region', { name: 'Dit is vlakbij al gemeld' });
    await nearby.waitFor();
    expect(await nearby.getByRole('listitem').first().textContent()).toMatch(/^Gemeld, \d+ meter hiervandaan, gemeld op 23-11-2026$/);

    await page.getByLabel('E-mailadres (optioneel)').fill('inwoner@example.nl');
    await page.getByLabel('De gemeente mag contact met mij opnemen over deze melding').check();
    await screenshot(page, 'melden-ingevuld-360');
    // Filled in: thumbnails, the pin, the nearby list and the chosen place pass axe as well.
    expect(await findSeriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Melding versturen' }).click();

    const thanks = page.getByRole('heading', { name: 'Bedankt, uw melding is ontvangen' });
    await thanks.waitFor();
    expect(await thanks.evaluate((element) => element === document.activeElement)).toBe(true);
    const numberText = await page.getByText(/^Uw meldingsnummer is /).textContent();
    const number = /is (\S+)\.$/.exec(numberText ?? '')?.[1];
    expect(number).toMatch(/^\S*\d+\S*$/);
    await page.getByText(/^Uiterlijk \S+ \d+ \S+ 2026 hoort u van ons/).waitFor();
    await screenshot(page, 'melden-bevestiging-360');
    expect(await findSeriousAxeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Volg uw melding' }).click();
    await page.waitForURL(new RegExp(`/melding/${e2e.organisation.slug}/[A-Za-z0-9_-]{20,}$`));
    await waitForPage(page);
    await page.getByRole('heading', { level: 1, name: `Melding ${number}` }).waitFor();
    expect(await page.getByText('Gemeld', { exact: true }).count()).toBeGreaterThanOrEqual(1);
    await page.getByText('Lantaarnpaal kapot').waitFor();
    await screenshot(page, 'melding-status-360');

    // The e-mail's link is the same page.
    const mail = await e2e.testApp.database.db.selectFrom('jobs').select('payload').where('name', '=', 'mail.versturen').execute();
    expect(JSON.stringify(mail.map((job) => job.payload))).toContain(`/melding/${e2e.organisation.slug}/`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('zet fouten bij het veld: eerst uit de browser, dan van de server (plek buiten de gemeente), en zoekt een adres', async () => {
    const context = await openContext(browser, PHONE);
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation(AMSTERDAM);
    const { page, errors } = await openForm(context);

    await page.getByRole('button', { name: 'Melding versturen' }).click();
    await page.getByText('Kies een onderwerp.').waitFor();
    // Focus lands on the first field in error: the first category.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
    await page.getByText('Beschrijf wat er aan de hand is (minstens 5 tekens).').waitFor();

    await page.getByRole('radio', { name: 'Geluid of stank' }).check();
    await page.getByLabel('Omschrijving').fill('Harde muziek uit de loods, elke nacht.');
    await page.getByRole('button', { name: 'Gebruik mijn locatie' }).click();
    await page.getByText('Gekozen plek: coördinaten 52.37310, 4.89240').waitFor();
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    // The required extra question is checked in the browser first.
    const when = page.getByRole('group', { name: 'Wanneer is er overlast?' });
    await when.getByText('Vul dit in.').waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
    await when.getByRole('radio', { name: 'Nu' }).check();
    await page.getByRole('button', { name: 'Melding versturen' }).click();

    // The server refuses a place outside Castricum; its message lands at the place field, focus goes there.
    const placeError = page.locator('.plein-field-error', { hasText: 'Deze plek ligt buiten de gemeente Castricum' });
    await placeError.waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('fieldset')?.getAttribute('aria-invalid'))).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');

    await page.getByLabel('Zoek een adres').fill('Dorpsstraat 30');
    await page.getByRole('button', { name: 'Zoek adres' }).click();
    // Only the address inside the municipality comes back.
    const results = page.getByRole('list', { name: 'Gevonden adressen' });
    await results.getByRole('button').first().waitFor();
    expect(await results.getByRole('button').allTextContents()).toEqual(['Dorpsstraat 30, 1901EN Castricum']);
    await results.getByRole('button', { name: 'Dorpsstraat 30, 1901EN Castricum' }).click();
    await page.getByText('Gekozen plek: Dorpsstraat 30, 1901EN Castricum (coördinaten 52.54851, 4.66951)').waitFor();
    // Without tiles the pin can still be put at the map's centre (where the address search moved the map).
    await page.getByRole('button', { name: 'Zet de speld in het midden van de kaart' }).click();
    await page.getByText(/^Gekozen plek: coördinaten 52\.548\d\d, 4\.669\d\d$/).waitFor();
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    await page.getByRole('heading', { name: 'Bedankt, uw melding is ontvangen' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CASTRICUM_BOUNDARY } from '@test/castricum-boundary';
import { simpleParser } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../factories';
import { startSmtpSink } from '../smtp-sink';
import { collectPageErrors, DESKTOP, launchChromium, openContext, PHONE, screenshot, signInWithForm, waitForPage } from './browser';
import { type E2eApp, startE2eApp } from './e2e-app';

// A square around Castricum; the photo below was taken inside it.
const RESIDENT = 'bewoner@example.nl';

// Stands in for the internet: the address search finds nothing, map tiles are missing (404).
function startStandIn(): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/free') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ response: { numFound: 0, start: 0, docs: [] } }));
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

interface Mail {
  to: string;
  subject: string;
  text: string;
}

// The "done when": a resident reports on a phone, staff handle it at a desk, the resident is told
// by real e-mail at every step and answers the satisfaction questions, and staff see that answer.
describe('een melding van begin tot eind (inwoner op de telefoon, medewerker aan het bureau, echte e-mail)', () => {
  let standIn: Server;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let e2e: E2eApp;
  let browser: Browser;

  beforeAll(async () => {
    standIn = await startStandIn();
    smtp = await startSmtpSink();
    const standInUrl = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}`;
    e2e = await startE2eApp({ SMTP_URL: smtp.url, PLEIN_GEOCODER_URL: `${standInUrl}/free`, PLEIN_MAP_TILES_URL: `${standInUrl}/tiles/{z}/{x}/{y}.png` });
    const castricum = e2e.organisation.municipalities.find((m) => m.cbs_code === 'GM0383')!;
    await e2e.testApp.database.db
      .updateTable('municipalities')
      .set({ boundary: JSON.stringify(CASTRICUM_BOUNDARY) })
      .where('id', '=', castricum.id)
      .execute();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await e2e?.close();
    await smtp?.close();
    standIn?.close();
  });

  // Runs the queued mail jobs (as the worker process would) and waits until the sink holds the mail.
  async function mailWithSubject(subject: string): Promise<Mail> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      await e2e.testApp.worker.drain();
      for (const received of smtp.received) {
        const parsed = await simpleParser(received.raw);
        if (parsed.subject === subject) return { to: received.to.join(','), subject: parsed.subject, text: parsed.text ?? '' };
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const subjects = await Promise.all(smtp.received.map(async (received) => (await simpleParser(received.raw)).subject));
    throw new Error(`Geen e-mail "${subject}" ontvangen; wel: ${JSON.stringify(subjects)}`);
  }

  // Links in mail point at PUBLIC_URL; the test server listens elsewhere.
  const local = (link: string) => `${e2e.baseUrl}${new URL(link).pathname}`;
  const apiResponse = (page: Page, method: string, path: RegExp, status: number) =>
    page.waitForResponse((response) => response.request().method() === method && path.test(new URL(response.url()).pathname) && response.status() === status, {
      timeout: 30_000,
    });

  it('melden met foto en speld, bevestiging per e-mail, behandelen, afhandelen, tevredenheid, heropenverzoek in de tijdlijn', async () => {
    const slug = e2e.organisation.slug;

    // 1. The resident, on a phone, files a melding with a photo; the photo's place becomes the pin.
    const phone = await openContext(browser, PHONE);
    const resident = await phone.newPage();
    const residentErrors = collectPageErrors(resident);
    await resident.goto(`${e2e.baseUrl}/melden/${slug}/GM0383`);
    await waitForPage(resident);
    await resident.getByRole('heading', { level: 1, name: 'Melding doen in Castricum' }).waitFor();
    await resident.getByLabel('Zoek een onderwerp').fill('lantaarn');
    await resident.getByRole('radio', { name: 'Lantaarnpaal kapot' }).check();
    await resident.getByLabel('Omschrijving').fill('De lantaarnpaal bij het speeltuintje brandt al een week niet.');
    const uploaded = apiResponse(resident, 'POST', /\/melding-photos$/, 201);
    await resident.getByLabel('Kies foto’s').setInputFiles({ name: 'lantaarnpaal.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto() });
    await uploaded;
    await resident.getByText('Foto "lantaarnpaal.jpg" is toegevoegd.').waitFor();
    await resident.getByRole('button', { name: 'Gebruik de plek van de foto' }).click();
    await resident.getByText('Gekozen plek: coördinaten 52.54833, 4.66917').waitFor();
    await resident.locator('.plein-map-marker--pin[aria-label]').waitFor();
    await resident.getByLabel('E-mailadres (optioneel)').fill(RESIDENT);
    await resident.getByLabel('De gemeente mag contact met mij opnemen over deze melding').check();
    const filing = apiResponse(resident, 'POST', new RegExp(`/organisations/${slug}/municipalities/GM0383/meldingen$`), 201);
    await resident.getByRole('button', { name: 'Melding versturen' }).click();
    const filed = await filing;
    // The form sends a key for retries and the session its photo was uploaded in.
    expect(filed.request().headers()['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    expect(filed.request().postDataJSON().formSession).toBe((await uploaded).request().headers()['plein-form-session']);
    const receipt = (await filed.json()) as { number: string; trackingToken: string };
    await resident.getByRole('heading', { name: 'Bedankt, uw melding is ontvangen' }).waitFor();
    const number = receipt.number;
    await resident.getByText(`Uw meldingsnummer is ${number}.`).waitFor();

    // 2. The confirmation arrives by e-mail, with the link to follow the melding.
    const confirmation = await mailWithSubject(`Uw melding ${number} is ontvangen`);
    expect(confirmation.to).toBe(RESIDENT);
    const statusLink = /https?:\/\/\S+\/melding\/[^/\s]+\/[A-Za-z0-9_-]+/.exec(confirmation.text)?.[0];
    expect(statusLink, confirmation.text).toBeDefined();
    await resident.goto(local(statusLink!));
    await waitForPage(resident);
    await resident.getByRole('heading', { level: 1, name: `Melding ${number}` }).waitFor();
    await resident.getByText('Lantaarnpaal kapot').waitFor();

    // 3. A KCC colleague of the municipality finds it in the list and on the map.
    const castricum = e2e.organisation.municipalities.find((m) => m.cbs_code === 'GM0383')!;
    const kcc = await buildUser(e2e.testApp.database.db, e2e.testApp.clock, e2e.organisation.id, {
      roles: ['kcc'],
      municipalityIds: [castricum.id],
      name: 'Karim Kaya',
    });
    const desk = await openContext(browser, DESKTOP);
    const staff = await desk.newPage();
    const staffErrors = collectPageErrors(staff);
    await signInWithForm(staff, e2e.baseUrl, kcc.email, kcc.password);
    const main = staff.getByRole('main');
    await staff.goto(`${e2e.baseUrl}/meldingen`);
    await waitForPage(staff);
    const row = main.getByRole('row').filter({ hasText: number });
    await row.waitFor();
    expect(await row.textContent()).toContain('Lantaarnpaal kapot');
    expect(await row.textContent()).toContain('Gemeld');

    await main.getByRole('button', { name: 'Kaart' }).click();
    await staff.waitForURL(/weergave=kaart/);
    await staff.waitForFunction(() => document.querySelectorAll('.plein-meldingen-map .plein-map-marker').length === 1, undefined, { timeout: 30_000 });
    expect(await main.locator('.plein-map-list').textContent()).toContain(number);
    await screenshot(staff, 'flow-meldingen-kaart');

    // 4. Opens it and changes the status twice with the standard texts.
    await staff.goto(`${e2e.baseUrl}/meldingen`);
    await waitForPage(staff);
    await main.getByRole('link', { name: number }).click();
    await staff.waitForURL(/\/meldingen\/[0-9a-f-]{36}$/);
    await waitForPage(staff);
    expect(await staff.getByRole('heading', { level: 1 }).textContent()).toBe(`Melding ${number}`);
    await main.getByText(RESIDENT).waitFor();
    const timeline = main.locator('.plein-timeline');

    const changeStatus = async (label: string, expected: string) => {
      await main.getByLabel('Nieuwe status').selectOption({ label });
      const message = main.getByLabel('Bericht aan de melder');
      expect(await message.inputValue()).toBe(expected);
      const changed = apiResponse(staff, 'POST', /\/api\/v1\/meldingen\/[0-9a-f-]{36}\/status$/, 200);
      await main.getByRole('button', { name: 'Status wijzigen' }).click();
      await changed;
      await main.getByText(`De status is gewijzigd naar "${label}".`).waitFor();
    };
    await changeStatus('In behandeling', `We zijn met uw melding ${number} (Lantaarnpaal kapot) aan de slag. U hoort van ons als het klaar is.`);
    await timeline.getByText('Status: Gemeld → In behandeling').waitFor();
    const handledText = `Uw melding ${number} (Lantaarnpaal kapot) is afgehandeld. Bedankt dat u de gemeente Castricum hielp de buurt netjes en veilig te houden.`;
    await changeStatus('Afgehandeld', handledText);
    await timeline.getByText('Status: In behandeling → Afgehandeld').waitFor();

    // 5. The reporter is e-mailed at each step; the last mail asks how it went.
    const working = await mailWithSubject(`Uw melding ${number}: in behandeling`);
    expect(working.to).toBe(RESIDENT);
    expect(working.text).toContain('aan de slag');
    const handled = await mailWithSubject(`Uw melding ${number}: afgehandeld`);
    expect(handled.to).toBe(RESIDENT);
    expect(handled.text).toContain(handledText);
    const ktoLink = new RegExp(`https?://\\S+/tevredenheid/${slug}/[A-Za-z0-9_-]+`).exec(handled.text)?.[0];
    expect(ktoLink, handled.text).toBeDefined();

    // 6. The resident answers on the phone: not satisfied, a reason and a comment (a request to look again).
    const ktoPath = new URL(ktoLink!).pathname;
    const ktoLoaded = apiResponse(resident, 'GET', new RegExp(`/kto/${ktoPath.split('/').pop()}$`), 200);
    await resident.goto(local(ktoLink!));
    await ktoLoaded;
    await waitForPage(resident);
    await resident.getByRole('heading', { level: 1, name: `Uw melding ${number}: Lantaarnpaal kapot` }).waitFor();
    const question = resident.getByRole('group', { name: 'Bent u tevreden over hoe wij uw melding hebben afgehandeld?' });
    await question.getByRole('radio', { name: 'Nee' }).check();
    await resident.getByRole('checkbox', { name: 'Het probleem is niet opgelost' }).check();
    const comment = 'De lamp brandt nog steeds niet, ook gisteravond niet.';
    await resident.getByLabel('Toelichting (optioneel)').fill(comment);
    await screenshot(resident, 'flow-tevredenheid-ingevuld-360');
    const answered = apiResponse(resident, 'POST', new RegExp(`/kto/${ktoPath.split('/').pop()}$`), 201);
    await resident.getByRole('button', { name: 'Antwoord versturen' }).click();
    expect(await (await answered).json()).toEqual({ received: true, reopenRequested: true });
    const thanks = resident.getByRole('heading', { name: 'Bedankt voor uw antwoord' });
    await thanks.waitFor();
    expect(await thanks.evaluate((element) => element === document.activeElement)).toBe(true);
    await resident.getByText('De gemeente bekijkt uw melding nog een keer.', { exact: false }).waitFor();
    await screenshot(resident, 'flow-tevredenheid-bedankt-360');

    // 7. Staff see the answer and the request to reopen on the timeline.
    const reloaded = apiResponse(staff, 'GET', /\/api\/v1\/meldingen\/[0-9a-f-]{36}$/, 200);
    await staff.reload();
    await reloaded;
    await waitForPage(staff);
    await timeline.getByText('Tevredenheidsvraag beantwoord').waitFor();
    await timeline.getByText('De melder vraagt de melding te heropenen').waitFor();
    const story = await timeline.textContent();
    expect(story).toContain(`Melder is niet tevreden (Het probleem is niet opgelost). ${comment}`);
    expect(story).toContain('door Melder');
    await screenshot(staff, 'flow-melding-heropenverzoek');

    expect(residentErrors).toEqual([]);
    expect(staffErrors).toEqual([]);
    await phone.close();
    await desk.close();
  }, 240_000);
});

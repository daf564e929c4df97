import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../factories';
import { requestAs, signIn } from '../harness';
import { collectPageErrors, DESKTOP, launchChromium, openContext, screenshot, signInWithForm, waitForPage } from './browser';
import { type E2eApp, startE2eApp } from './e2e-app';

interface Receipt {
  number: string;
}

// Meldingen as staff handle them: filter the list, open one, change its status with the standard text (the
// reporter is e-mailed), add a note, assign a team, change two at once, and see them on a map without tiles.
describe('meldingen behandelen in de webapp', () => {
  let e2e: E2eApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const numbers: Record<'dier' | 'tegel' | 'lamp', string> = { dier: '', tegel: '', lamp: '' };
  let address = 0;

  beforeAll(async () => {
    e2e = await startE2eApp();
    const { app, clock, database } = e2e.testApp;
    const castricum = e2e.organisation.municipalities.find((m) => m.name === 'Castricum')!;
    const base = `/api/v1/organisations/${e2e.organisation.slug}/municipalities/GM0383`;
    const admin = requestAs(app, await signIn(app, e2e.admin.email, e2e.admin.password));
    expect((await admin('POST', '/api/v1/teams', { name: 'Buitendienst', description: 'Wegen en groen' })).statusCode).toBe(201);

    const categories = (await app.inject({ method: 'GET', url: `${base}/melding-categories` })).json().categories as Array<{ id: string; code: string }>;
    const categoryId = (code: string) => categories.find((c) => c.code === code)!.id;
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 180, g: 40, b: 40 } } })
      .png()
      .toBuffer();
    const formSession = 'formulier-sessie-van-joke';
    const upload = await app.inject({
      method: 'POST',
      url: `${base}/melding-photos`,
      headers: { 'content-type': 'image/png', 'plein-form-session': formSession },
      payload: photo,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    // Each resident from an address of their own, as in the API tests.
    const file = async (body: Record<string, unknown>) => {
      address += 1;
      const response = await app.inject({ method: 'POST', url: `${base}/meldingen`, remoteAddress: `10.9.${address}.1`, payload: body });
      expect(response.statusCode, response.body).toBe(201);
      return (response.json() as Receipt).number;
    };
    numbers.dier = await file({
      categoryId: categoryId('dieren-dood'),
      description: 'Dode meeuw op het fietspad.\nLigt er sinds gisteren.',
      lat: 52.548,
      lon: 4.669,
      address: 'Dorpsstraat 12',
      email: 'joke@example.nl',
      photoIds: [upload.json().photoId],
      formSession,
    });
    numbers.tegel = await file({
      categoryId: categoryId('wegen-bestrating'),
      description: 'Losliggende stoeptegel voor nummer 3.',
      lat: 52.551,
      lon: 4.672,
      email: 'piet@example.nl',
    });
    numbers.lamp = await file({
      categoryId: categoryId('verlichting-lantaarnpaal'),
      description: 'Lantaarnpaal brandt niet.',
      lat: 52.545,
      lon: 4.664,
      answers: { paalnummer: 'CA-1234' },
    });
    // Three days later the dead animal (1 working day) is overdue; the others (5 working days and more) are not.
    clock.advance(3 * 86_400_000);
    expect(await database.db.selectFrom('meldingen').select('id').where('organisation_id', '=', e2e.organisation.id).execute()).toHaveLength(3);

    const kcc = await buildUser(database.db, clock, e2e.organisation.id, { roles: ['kcc'], municipalityIds: [castricum.id], name: 'Karim Kaya' });
    browser = await launchChromium();
    context = await openContext(browser, DESKTOP);
    // No tile server in tests: every tile answers 404, the map must work anyway.
    await context.route('https://service.pdok.nl/**', (route) => route.fulfill({ status: 404, body: '' }));
    page = await context.newPage();
    errors = collectPageErrors(page);
    await signInWithForm(page, e2e.baseUrl, kcc.email, kcc.password);
  });

  afterAll(async () => {
    await browser?.close();
    await e2e?.close();
  });

  const main = () => page.getByRole('main');
  const rows = () =>
    main()
      .getByRole('row')
      .filter({ has: page.getByRole('cell') });
  const rowOf = (number: string) => main().getByRole('row').filter({ hasText: number });

  it('filtert op te laat en status, en houdt de filters in het adres', async () => {
    await page.goto(`${e2e.baseUrl}/meldingen`);
    await waitForPage(page);
    await main().getByText('3 meldingen').waitFor();
    expect(await rowOf(numbers.dier).textContent()).toContain('Dood dier');

    await main().getByLabel('Termijn').selectOption({ label: 'Alleen te laat' });
    await main().getByRole('button', { name: 'Filteren' }).click();
    await page.waitForURL(/te-laat=ja/);
    await main().getByText('1 melding', { exact: true }).waitFor();
    expect(await rows().count()).toBe(1);
    const late = await rowOf(numbers.dier).textContent();
    expect(late).toContain('te laat');
    expect(late).toContain('Gemeld');
    expect(late).toContain('Dorpsstraat 12');

    // From the address alone, as after a reload or a shared link.
    await page.goto(`${e2e.baseUrl}/meldingen?status=gemeld&te-laat=nee`);
    await waitForPage(page);
    await main().getByText('2 meldingen').waitFor();
    expect(await main().getByLabel('Status', { exact: true }).locator('option:checked').textContent()).toBe('Gemeld');
    expect(await main().getByLabel('Termijn').locator('option:checked').textContent()).toBe('Alleen op tijd');
    await screenshot(page, 'meldingen-lijst-gefilterd');
  });

  it('opent een melding en wijzigt de status met de standaardtekst; de melder krijgt een e-mail', async () => {
    await page.goto(`${e2e.baseUrl}/meldingen?te-laat=ja`);
    await waitForPage(page);
    await main().getByRole('link', { name: numbers.dier }).click();
    await page.waitForURL(/\/meldingen\/[0-9a-f-]{36}$/);
    await waitForPage(page);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Melding ${numbers.dier}`);
    await main().getByText('Dode meeuw op het fietspad.', { exact: false }).first().waitFor();
    await main().getByText('joke@example.nl').waitFor();
    const photo = main().getByRole('img', { name: `Foto bij melding ${numbers.dier}` });
    await page.waitForFunction(
      (alt) => (document.querySelector<HTMLImageElement>(`img[alt="${alt}"]`)?.naturalWidth ?? 0) > 0,
      `Foto bij melding ${numbers.dier}`,
    );
    expect(await photo.count()).toBe(1);
    expect(await main().locator('.plein-map-marker').count()).toBe(1);

    // Only the moves of the transition table are offered.
    const options = await main().getByLabel('Nieuwe status').locator('option').allTextContents();
    expect(options).toEqual([
      'Kies een status',
      'In behandeling',
      'Ingepland',
      'Wacht op informatie',
      'Doorgezet naar een andere organisatie',
      'Afgehandeld',
      'Geannuleerd',
    ]);

    await main().getByLabel('Nieuwe status').selectOption({ label: 'In behandeling' });
    const message = main().getByLabel('Bericht aan de melder');
    const standard = await message.inputValue();
    expect(standard).toBe(`We zijn met uw melding ${numbers.dier} (Dood dier) aan de slag. U hoort van ons als het klaar is.`);

    // A placeholder nobody filled in is pointed out before anything is sent.
    await message.fill(`${standard} Groet, {naam}`);
    await main().getByText('Er staat nog een invulveld in de tekst: {naam}.').waitFor();
    await main().getByRole('button', { name: 'Status wijzigen' }).click();
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA' && document.activeElement.getAttribute('aria-invalid') === 'true');

    await message.fill(standard);
    await main().getByRole('button', { name: 'Status wijzigen' }).click();
    await main().getByText('De status is gewijzigd naar "In behandeling".').waitFor();
    const timeline = main().locator('.plein-timeline');
    await timeline.getByText('Status: Gemeld → In behandeling').waitFor();
    expect(await timeline.textContent()).toContain(`Verstuurd naar de melder: ${standard}`);
    expect(await timeline.textContent()).toContain('door Karim Kaya');
    expect(await page.locator('.plein-page-header').textContent()).toContain('In behandeling');

    const mails = await e2e.testApp.database.db
      .selectFrom('jobs')
      .select('payload')
      .where('organisation_id', '=', e2e.organisation.id)
      .where('name', '=', 'mail.versturen')
      .execute();
    const sent = mails
      .map((mail) => mail.payload as { to: string; subject: string; text: string })
      .find((mail) => mail.subject === `Uw melding ${numbers.dier}: in behandeling`);
    expect(sent?.to).toBe('joke@example.nl');
    expect(sent?.text).toContain(standard);
  });

  it('voegt een interne notitie toe en wijst een team toe', async () => {
    await main().getByLabel('Notitie', { exact: true }).fill('Buitendienst gebeld, komt vanmiddag.');
    await main().getByRole('button', { name: 'Notitie toevoegen' }).click();
    await main().getByText('De notitie is toegevoegd.').waitFor();
    const timeline = main().locator('.plein-timeline');
    await timeline.getByText('Interne notitie').waitFor();
    expect(await timeline.textContent()).toContain('Buitendienst gebeld, komt vanmiddag.');

    await main().getByLabel('Team', { exact: true }).selectOption({ label: 'Buitendienst' });
    await main().getByRole('button', { name: 'Toewijzing opslaan' }).click();
    await main().getByText('De toewijzing is opgeslagen.').waitFor();
    await timeline.getByText('Toewijzing gewijzigd').waitFor();
    expect(await main().locator('.plein-data-list').first().textContent()).toContain('Buitendienst');
    await screenshot(page, 'melding-detail');

    const stored = await e2e.testApp.database.db
      .selectFrom('meldingen')
      .select(['status', 'assigned_team_id'])
      .where('number', '=', numbers.dier)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('in-behandeling');
    expect(stored.assigned_team_id).not.toBeNull();
  });

  it('wijzigt de status van twee meldingen tegelijk en meldt het resultaat per melding', async () => {
    await page.goto(`${e2e.baseUrl}/meldingen?status=gemeld`);
    await waitForPage(page);
    await main().getByText('2 meldingen').waitFor();
    await main().getByText('Selecteer meldingen in de lijst').waitFor();
    await main()
      .getByRole('checkbox', { name: `Melding ${numbers.tegel} selecteren` })
      .check();
    await main()
      .getByRole('checkbox', { name: `Melding ${numbers.lamp} selecteren` })
      .check();
    await main().getByText('2 meldingen geselecteerd').waitFor();
    await main().getByLabel('Nieuwe status').selectOption({ label: 'Ingepland' });
    // Left empty, each melding gets the standard text of its own category, filled in by the server.
    expect(await main().getByLabel('Bericht aan de melder').inputValue()).toBe('');
    await main().getByRole('button', { name: 'Status wijzigen' }).click();

    const result = main().locator('.plein-bulk-result');
    await result.getByText('2 van 2 meldingen gewijzigd.').waitFor();
    expect(await result.getAttribute('role')).toBe('status');
    expect(await result.textContent()).toContain(`${numbers.tegel}: gewijzigd naar "Ingepland".`);
    expect(await result.textContent()).toContain(`${numbers.lamp}: gewijzigd naar "Ingepland".`);
    // They left the "gemeld" list; the result stays readable.
    await main().getByText('Geen meldingen die bij deze filters passen.').waitFor();
    await screenshot(page, 'meldingen-bulk');

    const stored = await e2e.testApp.database.db
      .selectFrom('meldingen')
      .select(['number', 'status'])
      .where('organisation_id', '=', e2e.organisation.id)
      .orderBy('number')
      .execute();
    expect(Object.fromEntries(stored.map((row) => [row.number, row.status]))).toEqual({
      [numbers.dier]: 'in-behandeling',
      [numbers.tegel]: 'ingepland',
      [numbers.lamp]: 'ingepland',
    });
    const mail = await e2e.testApp.database.db.selectFrom('jobs').select('payload').where('name', '=', 'mail.versturen').execute();
    const tegelMail = mail.map((m) => m.payload as { subject: string; text: string }).find((m) => m.subject === `Uw melding ${numbers.tegel}: ingepland`);
    expect(tegelMail?.text).toContain(`Uw melding ${numbers.tegel} (Losliggende tegel of gat in de weg) is ingepland.`);
  });

  it('toont de meldingen op de kaart, ook als de kaarttegels niet laden', async () => {
    await page.goto(`${e2e.baseUrl}/meldingen`);
    await waitForPage(page);
    await main().getByRole('button', { name: 'Kaart' }).click();
    await page.waitForURL(/weergave=kaart/);
    await main().getByRole('region', { name: 'Kaart met 3 meldingen' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.plein-meldingen-map .plein-map-marker').length === 3);
    const statuses = await main()
      .locator('.plein-meldingen-map .plein-map-marker')
      .evaluateAll((markers) => markers.map((marker) => (marker as HTMLElement).dataset.category).sort());
    expect(statuses).toEqual(['in-behandeling', 'ingepland', 'ingepland']);
    expect(await main().locator('.plein-map-legend').textContent()).toContain('Ingepland');
    // The list beside the map names every melding with its status in words.
    const list = await main().locator('.plein-map-list').textContent();
    for (const number of Object.values(numbers)) expect(list).toContain(number);
    await main().getByText('De kaartondergrond kan ontbreken').waitFor();
    expect(await main().getByRole('button', { name: 'Kaart' }).getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'meldingen-kaart');
    expect(errors).toEqual([]);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage } from '../../server/src/modules/channels/connector.types';
import { storeMessages } from '../../server/src/modules/channels/ingest.service';
import { buildChannelAccount, buildUser } from '../factories';
import { collectPageErrors, DESKTOP, launchChromium, openContext, screenshot, signInWithForm, waitForPage } from './browser';
import { type E2eApp, startE2eApp } from './e2e-app';

// Channels from three sides: a beheerder connects and pauses accounts, a resident uses the public contact form,
// a KCC agent logs a phone call.
describe('kanalen in de webapp', () => {
  let e2e: E2eApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let bergenId: string;
  let formAccountId: string;
  let facebookAccountId: string;
  let simulatedAccountId: string;

  beforeAll(async () => {
    e2e = await startE2eApp();
    const { db } = e2e.testApp.database;
    const clock = e2e.testApp.clock;
    bergenId = e2e.organisation.municipalities.find((m) => m.name === 'Bergen')!.id;
    formAccountId = (
      await buildChannelAccount(db, clock, e2e.organisation.id, { municipalityId: bergenId, channel: 'webformulier', handle: 'Contactformulier Bergen' })
    ).id;
    await buildChannelAccount(db, clock, e2e.organisation.id, { municipalityId: bergenId, channel: 'telefoon', handle: '14 072' });
    facebookAccountId = (
      await buildChannelAccount(db, clock, e2e.organisation.id, {
        municipalityId: bergenId,
        channel: 'facebook',
        handle: 'Gemeente Bergen',
        settings: { pageId: '1234567890' },
        secrets: { accessToken: 'paginatoken', appSecret: 'app-secret' },
      })
    ).id;
    const simulated = await buildChannelAccount(db, clock, e2e.organisation.id, {
      municipalityId: bergenId,
      channel: 'gesimuleerd',
      handle: 'Oefenaccount',
      settings: { scenario: 'alledaags' },
    });
    simulatedAccountId = simulated.id;
    await storeMessages(db, clock, { organisation_id: e2e.organisation.id, id: simulated.id, municipality_id: bergenId, channel: 'gesimuleerd' }, [
      buildPlainMessage({
        platformId: 'sim-1',
        author: { id: 'sim-inwoner', handle: 'inwoner.example', displayName: 'Gesimuleerde inwoner', followers: 12 },
        text: 'Wanneer wordt het gft weer opgehaald?',
        language: 'nl',
        visibility: 'openbaar',
        postedAt: clock.now(),
        raw: {},
      }),
    ]);
    browser = await launchChromium();
    page = await (await openContext(browser, DESKTOP)).newPage();
    errors = collectPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await e2e?.close();
  });

  const fieldError = async (label: string) => {
    const field = page.getByLabel(label, { exact: true });
    await page.waitForFunction((name) => {
      const labelElement = [...document.querySelectorAll('label')].find((element) => element.textContent === name);
      return document.getElementById(labelElement?.htmlFor ?? '')?.getAttribute('aria-invalid') === 'true';
    }, label);
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    return page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent();
  };

  it('koppelt een RSS-feed via het formulier: eerst een fout bij het veld, dan gelukt', async () => {
    await signInWithForm(page, e2e.baseUrl, e2e.admin.email, e2e.admin.password);
    await page.goto(`${e2e.baseUrl}/beheer`);
    await waitForPage(page);
    await page.getByRole('navigation', { name: 'Beheeronderdelen' }).getByRole('link', { name: 'Kanalen' }).click();
    await waitForPage(page);
    await page.getByRole('link', { name: 'Account koppelen' }).click();
    await page.waitForURL(`${e2e.baseUrl}/beheer/kanalen/nieuw`);
    await waitForPage(page);

    // The top bar has its own "Gemeente" (the municipality switcher); this one is the form's.
    await page.getByRole('main').getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Bergen' });
    await page.getByLabel('Kanaal').selectOption({ label: 'RSS/Atom' });
    await page.getByLabel('Naam van de bron').fill('Nieuws Bergen');
    await page.getByRole('button', { name: 'Account koppelen' }).click();
    expect(await fieldError('Adres van de feed')).toBe('Vul dit veld in.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('url');

    // The server's own check, shown at the same field.
    await page.getByLabel('Adres van de feed').fill('geen-adres');
    await page.getByRole('button', { name: 'Account koppelen' }).click();
    expect(await fieldError('Adres van de feed')).toContain('Vul een volledig adres in');
    await screenshot(page, 'kanalen-koppelen-fout');

    await page.getByLabel('Adres van de feed').fill('http://127.0.0.1:9/nieuws.rss');
    await page.getByRole('button', { name: 'Account koppelen' }).click();
    await page.waitForURL(`${e2e.baseUrl}/beheer/kanalen`);
    await page.getByText('Nieuws Bergen is gekoppeld.').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Nieuws Bergen' });
    expect(await row.textContent()).toContain('RSS/Atom');
    expect(await row.textContent()).toContain('Nieuw');
    const simulatedRow = page.getByRole('row').filter({ hasText: 'Oefenaccount' });
    expect(await simulatedRow.textContent()).toContain('Gesimuleerd');
    await screenshot(page, 'kanalen-lijst');
  });

  it('pauzeert het account met één knop en toont "Gepauzeerd"', async () => {
    await page.getByRole('link', { name: 'Nieuws Bergen' }).click();
    await waitForPage(page);
    await page.getByRole('button', { name: 'Account pauzeren' }).click();
    await page.getByText('Het account is gepauzeerd.').waitFor();
    await page.getByRole('button', { name: 'Account hervatten' }).waitFor();
    expect(await page.locator('.plein-data-list').textContent()).toContain('Gepauzeerd');

    await page.getByRole('link', { name: 'Terug naar kanalen' }).click();
    await waitForPage(page);
    const row = page.getByRole('row').filter({ hasText: 'Nieuws Bergen' });
    await row.getByText('Gepauzeerd').waitFor();
  });

  it('toont het webhookadres voor Meta en markeert gesimuleerde berichten', async () => {
    // Meta asked Plein to wait (a 429): the page says until when, in the browser's own time.
    const waitUntil = new Date(Date.now() + 2 * 3_600_000);
    await e2e.testApp.database.db.updateTable('channel_accounts').set({ rate_limited_until: waitUntil }).where('id', '=', facebookAccountId).execute();
    // Two parts of the account failed last time: each is named on its own line, the most recent first.
    const organisationId = e2e.organisation.id;
    await e2e.testApp.database.db
      .insertInto('channel_stream_health')
      .values([
        {
          organisation_id: organisationId,
          account_id: facebookAccountId,
          stream: 'feed',
          last_error: 'graph.facebook.com: fout bij het platform (500)',
          last_error_at: new Date(Date.now() - 120_000),
        },
        {
          organisation_id: organisationId,
          account_id: facebookAccountId,
          stream: 'versturen',
          last_error: 'graph.facebook.com gaf geen antwoord op tijd',
          last_error_at: new Date(Date.now() - 60_000),
        },
      ])
      .execute();
    await page.goto(`${e2e.baseUrl}/beheer/kanalen/${facebookAccountId}`);
    await waitForPage(page);
    const failing = await page.locator('.plein-data-list li').allTextContents();
    expect(failing).toHaveLength(2);
    expect(failing[0]).toMatch(/^Versturen — \d{2}-\d{2}-\d{4} \d{2}:\d{2}: graph\.facebook\.com gaf geen antwoord op tijd$/);
    expect(failing[1]).toMatch(/^Tijdlijn — .*: graph\.facebook\.com: fout bij het platform \(500\)$/);
    await page.getByText(/^Het platform vroeg om te wachten; Plein vraagt niets tot \d{2}-\d{2}-\d{4} \d{2}:\d{2} en gaat dan vanzelf verder\.$/).waitFor();
    expect(await page.getByLabel('Webhook-adres (callback-URL)').inputValue()).toBe(`${e2e.baseUrl}/webhooks/${e2e.organisation.id}/${facebookAccountId}`);
    // A stored secret is kept when its field stays empty, and the form says so.
    await page.getByText('Laat dit veld leeg om die te houden').first().waitFor();
    await page.getByLabel('Weergavenaam').fill('Gemeente Bergen op Facebook');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('De wijzigingen zijn opgeslagen.').waitFor();

    await page.goto(`${e2e.baseUrl}/beheer/kanalen/${simulatedAccountId}`);
    await waitForPage(page);
    const message = page.locator('.plein-message').filter({ hasText: 'Wanneer wordt het gft weer opgehaald?' });
    expect(await message.textContent()).toContain('Gesimuleerd');
    expect(errors).toEqual([]);
  });

  it('stelt openingstijden en een norm in: eerst een fout bij de dag, dan opgeslagen', async () => {
    await page.goto(`${e2e.baseUrl}/beheer/kanalen/${simulatedAccountId}`);
    await waitForPage(page);
    await page.getByRole('heading', { name: 'Openingstijden en normen' }).waitFor();
    await page.getByLabel('Maandag', { exact: true }).fill('17:00-09:00');
    await page.getByRole('group', { name: 'Norm voor de eerste reactie' }).getByLabel('Binnen').fill('2');
    await page.getByRole('button', { name: 'Openingstijden opslaan' }).click();
    expect(await fieldError('Maandag')).toContain('Het einde moet na het begin liggen');

    await page.getByLabel('Maandag', { exact: true }).fill('08:30-12:00, 13:00-17:00');
    await page.getByLabel('Uitzonderingen').fill('24-12-2026 09:00-12:00 Kerstavond');
    await page.getByLabel('Stuur buiten openingstijden een automatisch antwoord (hoogstens één per gesprek per dag)').check();
    await page.getByRole('button', { name: 'Openingstijden opslaan' }).click();
    await page.getByText('De openingstijden en normen zijn opgeslagen.').waitFor();
    await screenshot(page, 'kanaal-openingstijden');
    const stored = await e2e.testApp.database.db.selectFrom('office_hours').selectAll().where('account_id', '=', simulatedAccountId).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      first_response_minutes: 120,
      acknowledgement_enabled: true,
      exceptions: [{ date: '2026-12-24', hours: [{ from: '09:00', to: '12:00' }], description: 'Kerstavond' }],
    });
    expect(stored.week.maandag).toEqual([
      { from: '08:30', to: '12:00' },
      { from: '13:00', to: '17:00' },
    ]);
    expect(errors).toEqual([]);
  });

  it('laat een inwoner het contactformulier versturen, ook als het eerst te snel gaat', async () => {
    const context = await openContext(browser, DESKTOP);
    const resident = await context.newPage();
    const residentErrors = collectPageErrors(resident);
    await resident.goto(`${e2e.baseUrl}/contact/${e2e.organisation.slug}/GM0373`);
    await waitForPage(resident);
    expect(await resident.getByRole('heading', { level: 1 }).textContent()).toBe('Contact met de gemeente Bergen');

    // The honeypot: out of the tab order and the accessibility tree.
    const honeypot = resident.locator('#contact-website');
    expect(await honeypot.getAttribute('tabindex')).toBe('-1');
    expect(await honeypot.evaluate((input) => input.closest('[aria-hidden="true"]') !== null)).toBe(true);

    await resident.getByLabel('Naam (optioneel)').fill('Joke Bakker');
    await resident.getByLabel('E-mailadres').fill('joke.bakker@example.nl');
    await resident.getByLabel('Onderwerp (optioneel)').fill('Lantaarnpaal');
    await resident.getByLabel('Bericht').fill('De lantaarnpaal bij de Dorpsstraat 12 is al een week kapot.');
    // The server's clock stands still in tests: the first try is "te snel"; the page then waits and tries again.
    const tooFast = resident.waitForResponse((response) => response.url().endsWith('/contact') && response.status() === 429);
    const accepted = resident.waitForResponse((response) => response.url().endsWith('/contact') && response.status() === 202);
    await resident.getByRole('button', { name: 'Versturen' }).click();
    await tooFast;
    await resident.getByText('Even geduld: uw bericht wordt zo opnieuw verstuurd…').waitFor();
    e2e.testApp.clock.advance(5_000);
    await accepted;

    await resident.getByText('Bedankt, uw bericht is ontvangen.').waitFor();
    await resident.getByText('U krijgt een bevestiging per e-mail.').waitFor();
    expect(await resident.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Bedankt, uw bericht is ontvangen.');
    await screenshot(resident, 'contactformulier-ontvangen');

    const stored = await e2e.testApp.database.db.selectFrom('messages').selectAll().where('account_id', '=', formAccountId).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      text: 'De lantaarnpaal bij de Dorpsstraat 12 is al een week kapot.',
      subject: 'Lantaarnpaal',
      author_handle: 'joke.bakker@example.nl',
    });
    expect(residentErrors).toEqual([]);
    await context.close();
  });

  it('zegt vriendelijk dat een gemeente zonder webformulier geen contactformulier heeft', async () => {
    const context = await openContext(browser, DESKTOP);
    const resident = await context.newPage();
    await resident.goto(`${e2e.baseUrl}/contact/${e2e.organisation.slug}/GM0383`);
    await waitForPage(resident);
    expect(await resident.getByRole('heading', { level: 1 }).textContent()).toBe('Deze gemeente heeft (nog) geen contactformulier');
    await context.close();
  });

  it('laat een KCC-medewerker een telefoongesprek vastleggen', async () => {
    const kcc = await buildUser(e2e.testApp.database.db, e2e.testApp.clock, e2e.organisation.id, {
      roles: ['kcc'],
      municipalityIds: [bergenId],
      name: 'Ali Yilmaz',
    });
    const context = await openContext(browser, DESKTOP);
    const agent = await context.newPage();
    const agentErrors = collectPageErrors(agent);
    await signInWithForm(agent, e2e.baseUrl, kcc.email, kcc.password);
    await agent.goto(`${e2e.baseUrl}/inbox`);
    await waitForPage(agent);
    await agent.getByRole('link', { name: 'Telefoongesprek vastleggen' }).click();
    await agent.waitForURL(`${e2e.baseUrl}/inbox/telefoongesprek`);
    await waitForPage(agent);
    expect(await agent.getByLabel('Telefoonlijn').locator('option:checked').textContent()).toBe('Bergen – 14 072');

    await agent.getByLabel('Naam van de beller (optioneel)').fill('Piet de Vries');
    await agent.getByLabel('Telefoonnummer van de beller (optioneel)').fill('06 12345678');
    await agent.getByRole('button', { name: 'Gesprek vastleggen' }).click();
    const summary = agent.getByLabel('Samenvatting van het gesprek');
    await agent.waitForFunction(() => document.querySelector('textarea')?.getAttribute('aria-invalid') === 'true');
    expect(await agent.locator(`[id="${((await summary.getAttribute('aria-describedby')) ?? '').split(' ').pop()}"]`).textContent()).toBe('Vul dit veld in.');
    expect(await agent.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');

    await summary.fill('Vraagt wanneer de kapotte lantaarnpaal in de Dorpsstraat wordt gerepareerd.');
    await agent.getByRole('button', { name: 'Gesprek vastleggen' }).click();
    await agent.getByText('Het gesprek is vastgelegd.').waitFor();
    // The server's clock in tests: 23 November 2026, 09:00 in Amsterdam.
    await agent.getByText('Het staat in de inbox als bericht van 23-11-2026 09:00.').waitFor();
    await screenshot(agent, 'telefoongesprek-vastgelegd');

    const stored = await e2e.testApp.database.db.selectFrom('messages').selectAll().where('channel', '=', 'telefoon').execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ author_name: 'Piet de Vries', author_handle: '06 12345678', direction: 'in' });
    expect(agentErrors).toEqual([]);
    await context.close();
  });

  it('laat een beheerder een apart gezet bericht zien, opnieuw proberen en verwijderen', async () => {
    const { db } = e2e.testApp.database;
    const clock = e2e.testApp.clock;
    const account = { organisation_id: e2e.organisation.id, id: simulatedAccountId, municipality_id: bergenId, channel: 'gesimuleerd' };
    // A date PostgreSQL cannot hold: this message is set aside, the one beside it is stored.
    const message = (platformId: string, text: string, postedAt: Date) =>
      buildPlainMessage({
        platformId,
        author: { id: 'sim-inwoner', handle: 'inwoner.example', displayName: 'Gesimuleerde inwoner', followers: 12 },
        text,
        visibility: 'openbaar',
        postedAt,
        raw: {},
      });
    await storeMessages(db, clock, account, [
      message('sim-onmogelijk', 'Een bericht uit een onmogelijke tijd', new Date(-8.64e15)),
      message('sim-2', 'Is de milieustraat zaterdag open?', clock.now()),
    ]);

    await page.goto(`${e2e.baseUrl}/beheer/kanalen`);
    await waitForPage(page);
    await page.getByText('1 bericht apart gezet').first().waitFor();
    await page.goto(`${e2e.baseUrl}/beheer/kanalen/${simulatedAccountId}`);
    await waitForPage(page);
    await page.getByRole('heading', { name: 'Apart gezette berichten' }).waitFor();
    await page.getByText('Een bericht uit een onmogelijke tijd').waitFor();
    await page.getByText('Is de milieustraat zaterdag open?').waitFor();
    await screenshot(page, 'kanaal-apart-gezet');

    await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await page.getByText(/^Opslaan lukte weer niet:/).waitFor();
    await page.getByText(/2×, laatst/).waitFor();

    await page.getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page
      .getByText('Het apart gezette bericht is verwijderd.')
      .waitFor({ state: 'attached' })
      .catch(() => undefined);
    await page.getByRole('heading', { name: 'Apart gezette berichten' }).waitFor({ state: 'detached' });
    expect(await db.selectFrom('quarantined_messages').select('id').where('account_id', '=', simulatedAccountId).execute()).toEqual([]);
    expect(errors).toEqual([]);
  });
});

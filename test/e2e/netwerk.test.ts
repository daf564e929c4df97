import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage } from '../../server/src/modules/channels/connector.types';
import { storeMessages } from '../../server/src/modules/channels/ingest.service';
import { buildChannelAccount, buildUser } from '../factories';
import { collectPageErrors, DESKTOP, expectAccessible, launchChromium, openContext, PHONE, signInWithForm, waitForPage } from './browser';
import { type E2eApp, startE2eApp, TEST_PASSWORD } from './e2e-app';

// An analyst looks at the local network: how it is made up (chart and table), who writes most, one author's
// profile with frequency and tenor over the weeks, and classifies an account whose name does not say what it is.
describe('Het lokale netwerk in de webapp', () => {
  let e2e: E2eApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    e2e = await startE2eApp();
    const { db } = e2e.testApp.database;
    const clock = e2e.testApp.clock;
    const bergen = e2e.organisation.municipalities.find((m) => m.name === 'Bergen')!;
    const view = await buildChannelAccount(db, clock, e2e.organisation.id, {
      municipalityId: bergen.id,
      channel: 'gesimuleerd',
      handle: 'Oefenaccount Bergen',
      settings: { scenario: 'alledaags' },
    });
    const account = await db.selectFrom('channel_accounts').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
    const day = 86_400_000;
    const posts: Array<[string, string, number, number, string]> = [
      ['omroepbergen', 'Omroep Bergen', 3100, 1, 'Vanavond live vanuit de raadzaal over de begroting van Bergen.'],
      ['omroepbergen', 'Omroep Bergen', 3050, 9, 'Bewoners boos over de parkeertarieven bij het strand, dit is echt een schande.'],
      ['omroepbergen', 'Omroep Bergen', 3000, 20, 'Prachtig dorpsfeest in Bergen dit weekend, dank aan alle vrijwilligers!'],
      ['kustkoerier', 'De Kustkoerier', 2400, 2, 'In de krant van deze week: de fietsbrug bij de boulevard is nog steeds niet klaar.'],
      ['kustkoerier', 'De Kustkoerier', 2380, 16, 'Interview met de havenmeester over het drukste seizoen sinds jaren.'],
      ['vvbergen', 'VV Bergen', 640, 3, 'Dank aan de gemeente voor het nieuwe kunstgrasveld, top geregeld!'],
      ['anna1234', 'Anna de Boer', 15, 4, 'De bus rijdt alweer niet volgens de dienstregeling, echt slecht geregeld.'],
    ];
    await storeMessages(
      db,
      clock,
      account,
      posts.map(([handle, name, followers, daysAgo, text]) =>
        buildPlainMessage({
          platformId: `netwerk-e2e-${handle}-${daysAgo}`,
          author: { id: handle, handle, displayName: name, followers },
          text,
          visibility: 'openbaar',
          postedAt: new Date(clock.now().getTime() - daysAgo * day),
          raw: {},
        }),
      ),
      { stream: 'search' },
    );
    await e2e.testApp.worker.drain();
    const analyst = await buildUser(db, clock, e2e.organisation.id, { roles: ['omgevingsanalist'], municipalityIds: [bergen.id], name: 'Anna Analist' });
    browser = await launchChromium();
    page = await (await openContext(browser, DESKTOP)).newPage();
    errors = collectPageErrors(page);
    await signInWithForm(page, e2e.baseUrl, analyst.email, TEST_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await e2e?.close();
  });

  const main = () => page.locator('main');

  it('toont de samenstelling van het netwerk met de cijfers in een tabel, en filtert op groep', async () => {
    await page.getByRole('navigation', { name: 'Onderdelen van Luisteren' }).getByRole('link', { name: 'Netwerk' }).click();
    await page.waitForURL(/\/luisteren\/netwerk$/);
    await waitForPage(page);
    await main().getByRole('heading', { level: 1, name: 'Lokaal netwerk' }).waitFor();
    const composition = main().getByRole('region', { name: 'Samenstelling van het netwerk' });
    await composition.locator('.recharts-surface').first().waitFor();
    await composition.locator('summary', { hasText: 'Auteurs en berichten per netwerkgroep' }).click();
    const table = composition.getByRole('table', { name: 'Auteurs en berichten per netwerkgroep' });
    expect(
      await table
        .getByRole('row', { name: /^Media/ })
        .locator('td')
        .allTextContents(),
    ).toEqual(['Media', '1', '3', 'Berichten van Media']);
    expect(
      await table
        .getByRole('row', { name: /^Sport/ })
        .locator('td')
        .nth(1)
        .textContent(),
    ).toBe('1');
    expect(
      await table
        .getByRole('row', { name: /^Inwoner of onbekend/ })
        .locator('td')
        .nth(1)
        .textContent(),
    ).toBe('2');
    const authors = main().getByRole('table', { name: 'Auteurs in het netwerk, meeste berichten eerst' });
    expect(await authors.locator('tbody tr').first().locator('td').first().textContent()).toBe('Omroep Bergen (@omroepbergen)');
    await main().getByText('4 auteurs').waitFor();
    await expectAccessible(page, 'netwerk', DESKTOP.width);

    await main().getByLabel('Periode').selectOption({ label: 'Afgelopen 52 weken' });
    await main().getByLabel('Netwerkgroep').selectOption('sport');
    await main().getByRole('button', { name: 'Toon' }).click();
    await page.waitForURL(/\/luisteren\/netwerk\?weken=52&groep=sport$/);
    expect(await main().getByLabel('Periode').inputValue()).toBe('52');
    await main().getByText('1 auteur', { exact: true }).waitFor();
    expect(await authors.locator('tbody tr').count()).toBe(1);
    await authors.getByRole('cell', { name: 'VV Bergen (@vvbergen)' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('opent een profiel met frequentie en tenor per week, en deelt de auteur in bij een groep', async () => {
    await main().getByRole('button', { name: 'Wis filters' }).click();
    await page.waitForURL(/\/luisteren\/netwerk$/);
    await main().getByRole('link', { name: 'De Kustkoerier (@kustkoerier)' }).click();
    await page.waitForURL(/\/luisteren\/auteurs\/kustkoerier$/);
    await main().getByRole('heading', { level: 1, name: 'De Kustkoerier (@kustkoerier)' }).waitFor();
    const facts = main().getByRole('region', { name: 'Gegevens' });
    await facts.getByText('2.400').waitFor();
    const group = main().getByRole('region', { name: 'Netwerkgroep' });
    await group.getByText('Inwoner of onbekend: de automatische indeling vond geen groep.').waitFor();
    const frequency = main().getByRole('region', { name: 'Berichten per week' });
    await frequency.getByText('2 berichten in de laatste twaalf weken, gemiddeld 0,2 per week.').waitFor();
    await frequency.locator('.recharts-surface').first().waitFor();
    const tenor = main().getByRole('region', { name: 'Tenor per week' });
    await tenor.locator('.recharts-surface').first().waitFor();
    await tenor.locator('summary', { hasText: 'Tenor per week' }).click();
    const weeks = tenor.getByRole('table', { name: 'Tenor per week' });
    expect(await weeks.locator('tbody tr').count()).toBe(12);
    expect(await weeks.getByRole('columnheader').allTextContents()).toEqual(['Week van', 'Steun', 'Kritiek', 'Neutraal', 'Gemengd', 'Totaal']);
    await expectAccessible(page, 'auteur-profiel', DESKTOP.width);

    await group.getByLabel('Media').check();
    await group.getByLabel('Toelichting (optioneel)').fill('Huis-aan-huisblad');
    await group.getByRole('button', { name: 'Indeling opslaan' }).click();
    await group.getByText('De indeling is opgeslagen.').waitFor();
    await group.getByText(/^Media, ingedeeld door Anna Analist op \d\d-\d\d-\d{4} \d\d:\d\d\.$/).waitFor();
    await group.getByText('Toelichting: Huis-aan-huisblad').waitFor();
    await group.getByText('De automatische indeling zou zeggen: geen groep.').waitFor();
    await expectAccessible(page, 'auteur-ingedeeld', DESKTOP.width);

    // The network now counts the author as media, by the analyst.
    await main().getByRole('link', { name: 'Terug naar het netwerk' }).click();
    await page.waitForURL(/\/luisteren\/netwerk$/);
    await waitForPage(page);
    await main()
      .getByRole('row', { name: /De Kustkoerier/ })
      .getByText('Media (analist)')
      .waitFor();
    expect(errors).toEqual([]);
  });

  it('zegt bij een automatische indeling welke woorden ertoe leidden, en werkt op 360 pixels breed', async () => {
    await page.setViewportSize(PHONE);
    await main().getByRole('link', { name: 'Omroep Bergen (@omroepbergen)' }).click();
    await page.waitForURL(/\/luisteren\/auteurs\/omroepbergen$/);
    await main().getByRole('region', { name: 'Netwerkgroep' }).getByText('Automatisch: Media (woorden: omroep)').waitFor();
    await expectAccessible(page, 'auteur-automatisch', PHONE.width);
    await page.goto(`${e2e.baseUrl}/luisteren/netwerk`);
    await expectAccessible(page, 'netwerk', PHONE.width);
    expect(errors).toEqual([]);
  });
});

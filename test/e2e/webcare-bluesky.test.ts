import { RichText } from '@atproto/api';
import { TestNetworkNoAppView } from '@atproto/dev-env';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalisePost } from '../../server/src/modules/channels/connectors/bluesky/bluesky.mapping';
import { storeMessages } from '../../server/src/modules/channels/ingest.service';
import { type BlueskyUser, createAppPassword, createBlueskyUser, listPosts, postItemFromPds, splitAtUri } from '../bluesky-pds';
import { buildUser } from '../factories';
import { requestAs, signIn } from '../harness';
import { collectPageErrors, DESKTOP, expectAccessible, launchChromium, openContext, signInWithForm, waitForPage } from './browser';
import { type E2eApp, startE2eApp, TEST_PASSWORD } from './e2e-app';

// Issue 5's whole round on a real Bluesky PDS (@atproto/dev-env): a beheerder sends container questions on
// Bluesky to team KCC; a resident asks one in a post that mentions the municipality; it is routed to KCC;
// a KCC agent answers with a knowledge-base article in Chromium; the reply is a real reply record under the
// resident's post; the agent closes the conversation; the satisfaction question arrives as a second reply,
// without a link (anyone reading the thread could use one), and the resident answers it by replying "4, …"
// on the PDS: recorded and counted once, the conversation stays closed. Every page visited passes axe-core.
describe('webcare van vraag tot tevredenheid, op een echte Bluesky-PDS', () => {
  let network: TestNetworkNoAppView;
  let e2e: E2eApp;
  let browser: Browser;
  let gemeente: BlueskyUser;
  let resident: BlueskyUser;
  let agent: Awaited<ReturnType<typeof buildUser>>;
  let admin: ReturnType<typeof requestAs>;
  let accountId: string;
  let teamId: string;
  let questionUri: string;
  let questionCid: string;
  let conversationId: string;

  const ARTICLE = {
    question: 'Mijn container is niet geleegd. Wat moet ik doen?',
    answer: 'Meld een container die niet geleegd is vóór 20:00 uur in de Afvalwijzer-app. De inzamelaar komt dan de volgende werkdag langs.',
    contact: 'Team Afval, 14 072',
  };

  beforeAll(async () => {
    network = await TestNetworkNoAppView.create({});
    e2e = await startE2eApp();
    const { db } = e2e.testApp.database;
    const bergen = e2e.organisation.municipalities.find((m) => m.name === 'Bergen')!;
    gemeente = await createBlueskyUser(network, 'gemeentebergen');
    resident = await createBlueskyUser(network, 'jokejansen', 'Joke Jansen');
    admin = requestAs(e2e.testApp.app, await signIn(e2e.testApp.app, e2e.admin.email, e2e.admin.password));
    const account = await admin('POST', '/api/v1/channel-accounts', {
      municipalityId: bergen.id,
      channel: 'bluesky',
      handle: gemeente.handle,
      serviceUrl: network.pds.url,
      secrets: { appPassword: await createAppPassword(gemeente) },
    });
    expect(account.statusCode, account.body).toBe(201);
    accountId = account.json().id;

    agent = await buildUser(db, e2e.testApp.clock, e2e.organisation.id, { roles: ['kcc'], municipalityIds: [bergen.id], name: 'Kees Klant' });
    const team = await admin('POST', '/api/v1/teams', { name: 'KCC', description: 'Klantcontactcentrum', memberIds: [agent.id] });
    expect(team.statusCode, team.body).toBe(201);
    teamId = team.json().id;
    const article = await admin('POST', '/api/v1/knowledge-articles', { ...ARTICLE, municipalityId: bergen.id });
    expect(article.statusCode, article.body).toBe(201);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await e2e?.close();
    await network?.close();
  }, 60_000);

  it('de beheerder stuurt containervragen op Bluesky naar team KCC en laat de tevredenheidsvraag aan', async () => {
    const page = await (await openContext(browser, DESKTOP)).newPage();
    const errors = collectPageErrors(page);
    const main = page.locator('main');
    await signInWithForm(page, e2e.baseUrl, e2e.admin.email, e2e.admin.password);
    await page.goto(`${e2e.baseUrl}/beheer/verdeelregels`);
    await waitForPage(page);
    await main.getByText('Nog geen verdeelregels').waitFor();
    await main.getByLabel('Naam', { exact: true }).fill('Containers op Bluesky naar KCC');
    await main.getByLabel('Woorden of woordgroepen (één ervan komt voor)').fill('container, kliko');
    await main.getByRole('group', { name: 'Kanalen' }).getByRole('checkbox', { name: 'Bluesky' }).check();
    await main.getByLabel('Toewijzen aan team').selectOption({ label: 'KCC' });
    await main.getByRole('button', { name: 'Opslaan' }).click();
    await main.getByText('De verdeelregel is opgeslagen.').waitFor();
    await main.getByRole('cell', { name: 'Containers op Bluesky naar KCC' }).waitFor();
    await expectAccessible(page, 'bluesky-verdeelregels', DESKTOP.width);

    await page.goto(`${e2e.baseUrl}/beheer/kanalen/${accountId}`);
    await waitForPage(page);
    const survey = page.getByRole('checkbox', { name: 'Stel de tevredenheidsvraag na het sluiten van een gesprek' });
    await survey.waitFor();
    expect(await survey.isChecked()).toBe(true);
    await expectAccessible(page, 'bluesky-kanaal', DESKTOP.width);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('een vraag van een inwoner op Bluesky komt binnen en gaat naar team KCC', async () => {
    const rich = new RichText({ text: `@${gemeente.handle} mijn groene container is vandaag niet geleegd. Wat moet ik doen?` });
    await rich.detectFacets(resident.agent);
    const posted = await resident.agent.post({ text: rich.text, facets: rich.facets, createdAt: e2e.testApp.clock.now().toISOString() });
    questionUri = posted.uri;
    questionCid = posted.cid;

    // As the notification poll delivers a mention, through the connector's own mapping.
    const { db } = e2e.testApp.database;
    const account = await db.selectFrom('channel_accounts').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();
    const item = await postItemFromPds(gemeente.agent, resident, questionUri, 'mention');
    const [messageId] = await storeMessages(db, e2e.testApp.clock, account, [normalisePost(item, gemeente.did)]);
    await e2e.testApp.worker.drain();
    const message = await db.selectFrom('messages').select(['conversation_id', 'mentions']).where('id', '=', messageId!).executeTakeFirstOrThrow();
    expect(message.mentions).toContain(gemeente.did);
    conversationId = message.conversation_id!;
    const conversation = (await admin('GET', `/api/v1/conversations/${conversationId}`)).json();
    expect(conversation).toMatchObject({ assignedTeamId: teamId, state: 'open' });
  });

  it('een KCC-medewerker antwoordt met een kennisbankartikel; het antwoord staat onder de post op de PDS', async () => {
    const page = await (await openContext(browser, DESKTOP)).newPage();
    const errors = collectPageErrors(page);
    const main = page.locator('main');
    await signInWithForm(page, e2e.baseUrl, agent.email, TEST_PASSWORD);
    await page.goto(`${e2e.baseUrl}/inbox`);
    await waitForPage(page);
    await main.getByRole('link', { name: 'Mijn team' }).click();
    await page.waitForURL(/weergave=team/);
    const item = main.locator('.plein-inbox-item', { hasText: 'Joke Jansen' });
    await item.waitFor();
    expect(await item.textContent()).toContain('container is vandaag niet geleegd');
    await expectAccessible(page, 'bluesky-inbox-mijn-team', DESKTOP.width);

    await main.getByRole('link', { name: 'Joke Jansen' }).click();
    await page.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    await waitForPage(page);
    await main.getByRole('heading', { name: 'Gesprek met Joke Jansen' }).waitFor();
    const team = main.getByLabel('Team', { exact: true });
    await expect.poll(() => team.inputValue()).toBe(teamId);
    await expectAccessible(page, 'bluesky-gesprek', DESKTOP.width);

    const knowledge = main.locator('section', { has: page.getByRole('heading', { name: 'Kennisbank en webcareteksten' }) });
    await knowledge.getByLabel('Zoek een antwoord').fill('container geleegd');
    await knowledge.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await knowledge.getByRole('button', { name: `Invoegen: ${ARTICLE.question}` }).click();
    const reply = main.getByLabel('Uw antwoord aan Joke Jansen');
    await expect.poll(() => reply.inputValue()).toContain(ARTICLE.answer);
    expect(await main.getByText(/van 300 tekens op Bluesky/).count()).toBe(1);
    await expectAccessible(page, 'bluesky-composer-kennisbank', DESKTOP.width);
    const tone = main.getByRole('group', { name: 'Toonkader: vink elke vraag af' }).getByRole('checkbox');
    for (let i = 0; i < (await tone.count()); i++) await tone.nth(i).check();
    await main.getByRole('button', { name: 'Versturen' }).click();
    // The composer holds the reply for its undo window (ten seconds) before it is queued.
    await main.getByRole('button', { name: 'Ongedaan maken' }).waitFor();
    await main.getByText('Uw antwoord staat in de wachtrij').first().waitFor({ timeout: 30_000 });

    await e2e.testApp.worker.drain();
    const replies = (await listPosts(resident.agent, gemeente.did)).filter((post) => post.value.reply?.parent.uri === questionUri);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.value.text).toContain(ARTICLE.answer);
    expect(replies[0]!.value.text).toContain(`Vragen? ${ARTICLE.contact}.`);
    expect(replies[0]!.value.text).toMatch(/\^KK$/);
    expect(replies[0]!.value.reply!.root.uri).toBe(questionUri);

    // The conversation shows it as sent, with the record's AT URI as its platform id.
    await page.reload();
    await waitForPage(page);
    const sent = main.locator('.plein-conversation__message--uit');
    await sent.first().waitFor();
    expect(await sent.first().textContent()).toContain(ARTICLE.answer);
    const stored = await e2e.testApp.database.db
      .selectFrom('messages')
      .select('platform_id')
      .where('organisation_id', '=', e2e.organisation.id)
      .where('direction', '=', 'uit')
      .execute();
    expect(stored.map((message) => message.platform_id)).toEqual([replies[0]!.uri]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('de medewerker sluit het gesprek; de tevredenheidsvraag staat zonder link op de PDS en de inwoner antwoordt in de draad met een 4', async () => {
    const page = await (await openContext(browser, DESKTOP)).newPage();
    const errors = collectPageErrors(page);
    const main = page.locator('main');
    await signInWithForm(page, e2e.baseUrl, agent.email, TEST_PASSWORD);
    await page.goto(`${e2e.baseUrl}/inbox/${conversationId}`);
    await waitForPage(page);
    await main.getByLabel('Toestand').selectOption({ label: 'Gesloten' });
    await main.getByRole('button', { name: 'Opslaan' }).click();
    await main.getByText('Opgeslagen.').waitFor();

    await e2e.testApp.worker.drain();
    const question = (await listPosts(resident.agent, gemeente.did)).filter(
      (post) => post.value.reply?.parent.uri === questionUri && post.value.text.startsWith('Hoe tevreden bent u over ons contact?'),
    );
    expect(question).toHaveLength(1);
    // A public reply: no link anyone reading the thread could follow, and the resident is asked to answer here.
    expect(question[0]!.value.text).toContain('Antwoord op dit bericht met een cijfer van 1');
    expect(question[0]!.value.text).not.toMatch(/https?:\/\/|\/tevreden\//);
    expect(question[0]!.value.facets?.flatMap((facet) => facet.features).filter((feature) => feature.$type === 'app.bsky.richtext.facet#link') ?? []).toEqual(
      [],
    );

    // The agent sees that the question waits for an answer in the conversation.
    await page.reload();
    await waitForPage(page);
    const score = main.locator('section', { has: page.getByRole('heading', { name: 'Tevredenheid', exact: true }) });
    await score.getByText(/nog geen antwoord\. Een cijfer dat de inwoner tot .* in het gesprek stuurt, telt als antwoord\./).waitFor();
    await expectAccessible(page, 'bluesky-gesprek-tevredenheidsvraag', DESKTOP.width);

    // The resident replies to the question on the PDS; the notification poll delivers the reply (twice, as a
    // retried poll would: it is stored and counted once).
    const { data: asked } = await resident.agent.com.atproto.repo.getRecord(splitAtUri(question[0]!.uri));
    const answer = await resident.agent.post({
      text: '4, snel en duidelijk antwoord op Bluesky.',
      reply: { root: { uri: questionUri, cid: questionCid }, parent: { uri: asked.uri, cid: asked.cid! } },
      createdAt: e2e.testApp.clock.now().toISOString(),
    });
    const { db } = e2e.testApp.database;
    const account = await db.selectFrom('channel_accounts').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();
    for (let delivery = 0; delivery < 2; delivery++) {
      await storeMessages(db, e2e.testApp.clock, account, [normalisePost(await postItemFromPds(gemeente.agent, resident, answer.uri, 'reply'), gemeente.did)]);
      await e2e.testApp.worker.drain();
    }
    const stored = await db
      .selectFrom('messages')
      .select('conversation_id')
      .where('organisation_id', '=', e2e.organisation.id)
      .where('platform_id', '=', answer.uri)
      .execute();
    expect(stored).toEqual([{ conversation_id: conversationId }]);

    // Recorded for the conversation, which stays closed, and counted for the agent who answered, team KCC and the account.
    const conversation = (await admin('GET', `/api/v1/conversations/${conversationId}`)).json();
    expect(conversation.state).toBe('gesloten');
    expect(conversation.events.filter((event: { text: string }) => event.text.startsWith('Tevredenheid:'))).toHaveLength(1);
    await page.reload();
    await waitForPage(page);
    await score.getByText('4 van 5').waitFor();
    expect(await score.textContent()).toContain('snel en duidelijk antwoord op Bluesky.');
    // The resident's answer is one of the conversation's messages (waited for: under load the messages render after the score panel).
    await main.locator('.plein-conversation__message--in', { hasText: '4, snel en duidelijk antwoord op Bluesky.' }).waitFor();
    await expectAccessible(page, 'bluesky-gesprek-gesloten', DESKTOP.width);
    const figures = (await admin('GET', '/api/v1/insights/conversation-satisfaction')).json();
    expect(figures.total).toMatchObject({ sent: 1, responses: 1, average: 4 });
    expect(figures.agents).toEqual([expect.objectContaining({ userId: agent.id, responses: 1, average: 4 })]);
    expect(figures.teams).toEqual([expect.objectContaining({ teamId, name: 'KCC', responses: 1, average: 4 })]);
    expect(figures.accounts).toEqual([expect.objectContaining({ accountId, channel: 'bluesky', responses: 1 })]);
    await page.goto(`${e2e.baseUrl}/inzicht/tevredenheid`);
    await waitForPage(page);
    await main.getByRole('cell', { name: 'KCC', exact: true }).waitFor();
    await main.getByText('snel en duidelijk antwoord op Bluesky.').waitFor();
    await expectAccessible(page, 'bluesky-inzicht-tevredenheid', DESKTOP.width);
    expect(errors).toEqual([]);
    await page.close();
  });
});

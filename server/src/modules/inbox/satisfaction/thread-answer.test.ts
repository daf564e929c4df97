import type { ChannelAccountRow } from '@platform/db/database.schema';
import { buildChannelAccount } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { receive, setUpInbox } from '@test/kits/conversation-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage, storeMessages } from '../../channels/index';
import { SURVEY_TEXT_IN_THREAD } from './invite.service';

// The satisfaction question under a public post carries no link (anyone reading the thread could use it):
// the resident answers in the thread with a score, and only their reply to the question counts, once.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

type Setup = Awaited<ReturnType<typeof setUpInbox>>;

// A resident's post in public; an agent answers and closes; the question goes out (the send job runs).
async function closedWithQuestion(setup: Setup, author = 'sanne', visibility: 'openbaar' | 'prive' = 'openbaar') {
  const question = await receive(t, setup.account, { author, text: 'Mijn container is niet geleegd', visibility });
  expect(
    (await setup.admin('POST', `/api/v1/conversations/${question.conversationId}/reply`, { text: 'We hebben het doorgegeven aan de inzamelaar. ^BB' }))
      .statusCode,
  ).toBe(201);
  const closed = await setup.admin('PATCH', `/api/v1/conversations/${question.conversationId}`, { state: 'gesloten' });
  expect(closed.statusCode, closed.body).toBe(200);
  await t.worker.drain();
  const outbox = await t.database.db
    .selectFrom('outbox')
    .select(['id', 'text', 'status', 'platform_id'])
    .where('organisation_id', '=', setup.org.id)
    .where('idempotency_key', 'like', `tevredenheid:${question.conversationId}:%`)
    .executeTakeFirstOrThrow();
  expect(outbox.status).toBe('verzonden');
  return { ...question, closedAt: closed.json().closedAt as string, surveyPlatformId: outbox.platform_id!, surveyText: outbox.text };
}

let sequence = 0;
// A reply in the thread as the platform delivers it: the same platform id twice is the same message.
async function replyInThread(
  account: ChannelAccountRow,
  fields: { author: string; text: string; root: string; replyTo: string | null; platformId?: string; visibility?: 'openbaar' | 'prive' },
) {
  t.clock.advance(60_000);
  const platformId = fields.platformId ?? `antwoord-${++sequence}-${crypto.randomUUID()}`;
  await storeMessages(t.database.db, t.clock, account, [
    buildPlainMessage({
      platformId,
      author: { id: fields.author, handle: `@${fields.author}`, displayName: fields.author, followers: 3 },
      text: fields.text,
      replyToPlatformId: fields.replyTo,
      threadRootPlatformId: fields.root,
      visibility: fields.visibility ?? 'openbaar',
      postedAt: t.clock.now(),
      raw: {},
    }),
  ]);
  await t.worker.drain();
  return t.database.db
    .selectFrom('messages')
    .select(['id', 'conversation_id'])
    .where('organisation_id', '=', account.organisation_id)
    .where('platform_id', '=', platformId)
    .executeTakeFirstOrThrow();
}

async function survey(orgId: string, conversationId: string) {
  return t.database.db
    .selectFrom('conversation_surveys')
    .selectAll()
    .where('organisation_id', '=', orgId)
    .where('conversation_id', '=', conversationId)
    .executeTakeFirstOrThrow();
}

async function conversation(setup: Setup, id: string) {
  const response = await setup.admin('GET', `/api/v1/conversations/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function figures(setup: Setup) {
  const response = await setup.admin('GET', '/api/v1/insights/conversation-satisfaction?from=2026-01-01&to=2026-12-31');
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('de tevredenheidsvraag in een openbare draad', () => {
  it('heeft geen link en vraagt om een cijfer in de draad; het antwoord "4, prima" telt één keer en het gesprek blijft dicht', async () => {
    const setup = await setUpInbox(t);
    const team = (await setup.admin('POST', '/api/v1/teams', { name: `Webcare ${crypto.randomUUID().slice(0, 6)}` })).json();
    const asked = await receive(t, setup.account, { author: 'joke', text: 'Mijn container is niet geleegd' });
    await setup.admin('PATCH', `/api/v1/conversations/${asked.conversationId}`, { assignedTeamId: team.id });
    await setup.admin('POST', `/api/v1/conversations/${asked.conversationId}/reply`, { text: 'We hebben het doorgegeven. ^BB' });
    const closed = (await setup.admin('PATCH', `/api/v1/conversations/${asked.conversationId}`, { state: 'gesloten' })).json();
    await t.worker.drain();
    const question = await t.database.db
      .selectFrom('outbox')
      .select(['text', 'platform_id'])
      .where('organisation_id', '=', setup.org.id)
      .where('idempotency_key', 'like', 'tevredenheid:%')
      .executeTakeFirstOrThrow();
    expect(question.text).toBe(SURVEY_TEXT_IN_THREAD);
    expect(question.text).not.toMatch(/https?:|\/tevreden\//);
    const asking = await survey(setup.org.id, asked.conversationId);
    expect(asking.expires_at.getTime() - asking.sent_at.getTime()).toBe(7 * 86_400_000);
    expect((await setup.admin('GET', `/api/v1/conversations/${asked.conversationId}/satisfaction`)).json().surveys).toMatchObject([
      { answerIn: 'gesprek', score: null },
    ]);

    const answer = await replyInThread(setup.account, { author: 'joke', text: '4, prima', root: asked.platformId, replyTo: question.platform_id });
    expect(answer.conversation_id).toBe(asked.conversationId);
    const stored = await survey(setup.org.id, asked.conversationId);
    expect(stored).toMatchObject({ score: 4, comment: 'prima', answered_at: expect.any(Date) });

    const detail = await conversation(setup, asked.conversationId);
    expect(detail).toMatchObject({ state: 'gesloten', closedAt: closed.closedAt, waitingSince: null });
    expect(detail.events.at(-1)).toMatchObject({ kind: 'tevredenheid', text: 'Tevredenheid: 4 van 5. prima', actorName: 'Inwoner' });
    expect(detail.messages.at(-1)).toMatchObject({ direction: 'in', text: '4, prima' });
    expect((await setup.admin('GET', `/api/v1/conversations/${asked.conversationId}/satisfaction`)).json().surveys).toMatchObject([
      { score: 4, comment: 'prima', answerIn: 'gesprek' },
    ]);

    // Counted for the agent who answered, the team and the account.
    const counted = await figures(setup);
    expect(counted.total).toMatchObject({ sent: 1, responses: 1, average: 4 });
    expect(counted.agents).toEqual([expect.objectContaining({ userId: setup.beheerder.id, responses: 1, average: 4 })]);
    expect(counted.teams).toEqual([expect.objectContaining({ teamId: team.id, responses: 1 })]);
    expect(counted.accounts).toEqual([expect.objectContaining({ accountId: setup.account.id, responses: 1 })]);
    expect(counted.comments).toEqual([expect.objectContaining({ score: 4, comment: 'prima' })]);
  });

  it('telt een "1" van iemand anders in de draad niet: die krijgt een eigen gesprek', async () => {
    const setup = await setUpInbox(t);
    const asked = await closedWithQuestion(setup);
    const stranger = await replyInThread(setup.account, { author: 'meelezer', text: '1', root: asked.platformId, replyTo: asked.surveyPlatformId });
    expect(stranger.conversation_id).not.toBe(asked.conversationId);
    expect((await conversation(setup, stranger.conversation_id!)).state).toBe('open');
    expect((await survey(setup.org.id, asked.conversationId)).answered_at).toBeNull();
    expect((await conversation(setup, asked.conversationId)).state).toBe('gesloten');
    expect((await figures(setup)).total).toMatchObject({ sent: 1, responses: 0 });

    // The resident's own answer still counts after that.
    await replyInThread(setup.account, { author: 'sanne', text: 'Vijf sterren!', root: asked.platformId, replyTo: asked.surveyPlatformId });
    expect(await survey(setup.org.id, asked.conversationId)).toMatchObject({ score: 5, comment: null });
  });

  it('behandelt een reactie zonder duidelijk cijfer als een gewoon bericht: het gesprek gaat weer open', async () => {
    const setup = await setUpInbox(t);
    const asked = await closedWithQuestion(setup);
    const message = await replyInThread(setup.account, {
      author: 'sanne',
      text: 'ik heb 2 vragen: wanneer komt de vuilniswagen?',
      root: asked.platformId,
      replyTo: asked.surveyPlatformId,
    });
    expect(message.conversation_id).toBe(asked.conversationId);
    const detail = await conversation(setup, asked.conversationId);
    expect(detail.state).toBe('open');
    expect(detail.waitingSince).not.toBeNull();
    expect(detail.events.map((event: { text: string }) => event.text)).not.toContainEqual(expect.stringMatching(/^Tevredenheid:/));
    expect((await survey(setup.org.id, asked.conversationId)).answered_at).toBeNull();
  });

  it('telt het cijfer van een antwoord met een nieuwe vraag, en opent het gesprek weer voor die vraag', async () => {
    const setup = await setUpInbox(t);
    const asked = await closedWithQuestion(setup);
    const message = await replyInThread(setup.account, {
      author: 'sanne',
      text: '2, maar wanneer komt de vuilniswagen nu eindelijk?',
      root: asked.platformId,
      replyTo: asked.surveyPlatformId,
    });
    expect(message.conversation_id).toBe(asked.conversationId);
    expect(await survey(setup.org.id, asked.conversationId)).toMatchObject({ score: 2, comment: 'maar wanneer komt de vuilniswagen nu eindelijk?' });
    const detail = await conversation(setup, asked.conversationId);
    expect(detail.state).toBe('open');
    expect(detail.waitingSince).not.toBeNull();
    expect(detail.messageCount).toBe(detail.messages.length);
    expect((await figures(setup)).total).toMatchObject({ sent: 1, responses: 1, average: 2 });
  });

  it('telt een antwoord dat twee keer binnenkomt (dezelfde post, of nog eens hetzelfde cijfer) één keer', async () => {
    const setup = await setUpInbox(t);
    const asked = await closedWithQuestion(setup);
    const platformId = `dubbel-${crypto.randomUUID()}`;
    const first = await replyInThread(setup.account, {
      author: 'sanne',
      text: '@gemeente 4, prima geholpen',
      root: asked.platformId,
      replyTo: asked.surveyPlatformId,
      platformId,
    });
    // The platform delivers the same post again (a retried poll or webhook).
    const again = await replyInThread(setup.account, {
      author: 'sanne',
      text: '@gemeente 4, prima geholpen',
      root: asked.platformId,
      replyTo: asked.surveyPlatformId,
      platformId,
    });
    expect(again.id).toBe(first.id);
    // The resident posts it once more.
    await replyInThread(setup.account, { author: 'sanne', text: '4', root: asked.platformId, replyTo: asked.surveyPlatformId });

    expect(await survey(setup.org.id, asked.conversationId)).toMatchObject({ score: 4, comment: 'prima geholpen' });
    const detail = await conversation(setup, asked.conversationId);
    expect(detail.state).toBe('gesloten');
    const answers = detail.events.filter((event: { kind: string }) => event.kind === 'tevredenheid').map((event: { text: string }) => event.text);
    expect(answers).toEqual([
      expect.stringMatching(/^Tevredenheidsvraag/),
      'Tevredenheid: 4 van 5. prima geholpen',
      'Nog een cijfer in het gesprek (4 van 5); het eerste antwoord telt.',
    ]);
    expect(detail.messages.filter((message: { direction: string }) => message.direction === 'in')).toHaveLength(3);
    const counted = await figures(setup);
    expect(counted.total).toMatchObject({ sent: 1, responses: 1, average: 4, distribution: [0, 0, 0, 1, 0] });
  });

  it('leest een cijfer na meer dan 7 dagen als een gewoon bericht', async () => {
    let setup = await setUpInbox(t);
    const late = await closedWithQuestion(setup, 'laat');
    t.clock.advance(7 * 86_400_000);
    // A week on, the beheerder signs in again.
    setup = { ...setup, admin: requestAs(t.app, await signIn(t.app, setup.beheerder.email, setup.beheerder.password)) };
    await replyInThread(setup.account, { author: 'laat', text: '3', root: late.platformId, replyTo: late.surveyPlatformId });
    expect((await survey(setup.org.id, late.conversationId)).answered_at).toBeNull();
    expect((await conversation(setup, late.conversationId)).state).toBe('open');
  });

  it('telt ook een cijfer onder de eigen post (platte reacties, zoals Facebook) en een antwoord waarvan het platform de vraag als begin van de draad noemt (Mastodon)', async () => {
    const setup = await setUpInbox(t);
    const flat = await closedWithQuestion(setup, 'plat');
    await replyInThread(setup.account, { author: 'plat', text: '3 van 5', root: flat.platformId, replyTo: flat.platformId });
    expect(await survey(setup.org.id, flat.conversationId)).toMatchObject({ score: 3, comment: null });
    expect((await conversation(setup, flat.conversationId)).state).toBe('gesloten');

    const mastodon = await closedWithQuestion(setup, 'toot');
    const answer = await replyInThread(setup.account, {
      author: 'toot',
      text: 'Twee. Het duurde erg lang',
      root: mastodon.surveyPlatformId,
      replyTo: mastodon.surveyPlatformId,
    });
    expect(answer.conversation_id).toBe(mastodon.conversationId);
    expect(await survey(setup.org.id, mastodon.conversationId)).toMatchObject({ score: 2, comment: 'Het duurde erg lang' });
    expect((await conversation(setup, mastodon.conversationId)).state).toBe('gesloten');
    // Someone else's reply to the question there is their own conversation, as everywhere.
    const stranger = await replyInThread(setup.account, { author: 'ander', text: '5', root: mastodon.surveyPlatformId, replyTo: mastodon.surveyPlatformId });
    expect(stranger.conversation_id).not.toBe(mastodon.conversationId);
    expect((await survey(setup.org.id, mastodon.conversationId)).score).toBe(2);
  });
});

describe('de tevredenheidsvraag op een privékanaal', () => {
  it('heeft op e-mail de persoonlijke link', async () => {
    const setup = await setUpInbox(t);
    const view = await buildChannelAccount(t.database.db, t.clock, setup.org.id, {
      municipalityId: setup.castricum.id,
      channel: 'email',
      handle: `info-${crypto.randomUUID().slice(0, 6)}@castricum.nl`,
      settings: { imapHost: '127.0.0.1', imapPort: 1, smtpHost: '127.0.0.1', smtpPort: 1 },
      secrets: { password: 'geheim' },
    });
    // Only the question's text matters here: nothing is fetched or sent from this mailbox.
    const mailbox = await t.database.db
      .updateTable('channel_accounts')
      .set({ paused: true })
      .where('organisation_id', '=', setup.org.id)
      .where('id', '=', view.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const mail = await receive(t, mailbox, { author: 'joke@example.nl', text: 'Wanneer komt de vuilniswagen?', visibility: 'prive' });
    await setup.admin('POST', `/api/v1/conversations/${mail.conversationId}/reply`, { text: 'Donderdag. Met vriendelijke groet, Bea' });
    expect((await setup.admin('PATCH', `/api/v1/conversations/${mail.conversationId}`, { state: 'gesloten' })).statusCode).toBe(200);
    const question = await t.database.db
      .selectFrom('outbox')
      .select('text')
      .where('organisation_id', '=', setup.org.id)
      .where('idempotency_key', 'like', `tevredenheid:${mail.conversationId}:%`)
      .executeTakeFirstOrThrow();
    expect(question.text).toMatch(new RegExp(`persoonlijke link: http://plein\\.test/tevreden/${setup.org.slug}/[A-Za-z0-9_-]{32}$`));
    const asking = await survey(setup.org.id, mail.conversationId);
    expect(asking.expires_at.getTime() - asking.sent_at.getTime()).toBe(14 * 86_400_000);
    expect((await setup.admin('GET', `/api/v1/conversations/${mail.conversationId}/satisfaction`)).json().surveys).toMatchObject([{ answerIn: 'link' }]);
  });

  it('telt in een privégesprek ook een cijfer als antwoord op het bericht met de link, en daarna de link niet meer', async () => {
    const setup = await setUpInbox(t);
    const asked = await closedWithQuestion(setup, 'dm', 'prive');
    expect(asked.surveyText).toContain('/tevreden/');
    await replyInThread(setup.account, { author: 'dm', text: 'Een 3. Het duurde lang', root: asked.platformId, replyTo: null, visibility: 'prive' });
    expect(await survey(setup.org.id, asked.conversationId)).toMatchObject({ score: 3, comment: 'Het duurde lang' });
    expect((await conversation(setup, asked.conversationId)).state).toBe('gesloten');
    const link = /\/tevreden\/([a-z0-9-]+)\/([A-Za-z0-9_-]+)/.exec(asked.surveyText)!;
    const form = await t.app.inject({
      method: 'POST',
      remoteAddress: '10.78.0.1',
      url: `/api/v1/organisations/${link[1]}/conversation-satisfaction/${link[2]}`,
      payload: { score: 5 },
    });
    expect(form.statusCode).toBe(409);
    expect((await survey(setup.org.id, asked.conversationId)).score).toBe(3);
  });
});

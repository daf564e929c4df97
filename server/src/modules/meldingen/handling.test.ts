import { buildChannelAccount, buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { cycleRemoteAddresses } from '@test/remote-addresses';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage, storeMessages } from '../channels/index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const nextAddress = cycleRemoteAddresses(3);

async function setup() {
  const org = await buildOrganisation(t.database.db);
  const castricum = org.municipalities.find((m) => m.cbs_code === 'GM0383')!;
  const base = `/api/v1/organisations/${org.slug}/municipalities/GM0383`;
  const categories = (await t.app.inject({ method: 'GET', url: `${base}/melding-categories` })).json().categories as {
    id: string;
    code: string;
    parentId: string | null;
    departments: string[];
  }[];
  const category = (code: string) => categories.find((c) => c.code === code)!;
  const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'], name: 'Bea Beheer' });
  const session = await signIn(t.app, beheerder.email, beheerder.password);
  const token = (await requestAs(t.app, session)('POST', '/api/v1/me/api-tokens', { name: 'test' })).json().token as string;
  const admin = requestAs(t.app, { bearer: token });
  const file = async (code: string, extra: Record<string, unknown> = {}) => {
    const response = await t.app.inject({
      method: 'POST',
      url: `${base}/meldingen`,
      remoteAddress: nextAddress(),
      payload: { categoryId: category(code).id, description: 'Lantaarnpaal brandt niet meer.', lat: 52.55, lon: 4.66, address: 'Dorpsstraat 12', ...extra },
    });
    expect(response.statusCode, response.body).toBe(201);
    const listed = (await admin('GET', '/api/v1/meldingen?limit=500')).json() as { id: string; number: string }[];
    return { ...response.json(), id: listed.find((melding) => melding.number === response.json().number)!.id };
  };
  const mails = async (to: string) =>
    (await t.database.db.selectFrom('jobs').select('payload').where('organisation_id', '=', org.id).where('name', '=', 'mail.versturen').execute())
      .map((job) => job.payload as { to: string; subject: string; text: string })
      .filter((mail) => mail.to === to);
  return { org, castricum, base, category, admin, file, mails };
}

describe('standaardteksten per categorie en status', () => {
  it('vult plaatshouders in en kiest de tekst van de categorie boven die voor alle categorieën', async () => {
    const { admin, category, file, mails } = await setup();
    const general = await admin('POST', '/api/v1/melding-standard-texts', {
      status: 'ingepland',
      title: 'Algemeen',
      body: 'Melding {nummer} staat ingepland.',
    });
    expect(general.statusCode, general.body).toBe(201);
    const own = await admin('POST', '/api/v1/melding-standard-texts', {
      categoryId: category('verlichting').id,
      status: 'ingepland',
      title: 'Lamp vervangen',
      body: 'Beste melder, de lamp bij {adres} ({categorie}) wordt vóór {afhandeldatum} vervangen. Groet, {medewerker}, gemeente {gemeente}.',
    });
    expect(own.statusCode, own.body).toBe(201);

    // The texts that apply to a lamp: its main category's and the general one.
    const listed = (await admin('GET', `/api/v1/melding-standard-texts?status=ingepland&categoryId=${category('verlichting-lantaarnpaal').id}`)).json();
    expect(listed.map((text: { title: string }) => text.title).sort()).toEqual(['Algemeen', 'Lamp vervangen']);

    const melding = await file('verlichting-lantaarnpaal', { email: 'lamp@example.nl' });
    const changed = await admin('POST', `/api/v1/meldingen/${melding.id}/status`, { status: 'ingepland' });
    expect(changed.statusCode, changed.body).toBe(200);
    const event = changed.json().events.at(-1);
    expect(event.text).toMatch(
      /^Beste melder, de lamp bij Dorpsstraat 12 \(Lantaarnpaal kapot\) wordt vóór \d+ \w+ 2026 vervangen\. Groet, Bea Beheer, gemeente Castricum\.$/,
    );
    expect(event).toMatchObject({ sentToReporter: true, sentVia: 'email' });
    expect((await mails('lamp@example.nl')).find((mail) => mail.subject.endsWith('ingepland'))!.text).toContain(event.text);

    // Without a text of its own, a melding of another category gets the general one.
    const other = await file('wegen-bestrating', { email: 'weg@example.nl' });
    const general2 = await admin('POST', `/api/v1/meldingen/${other.id}/status`, { status: 'ingepland' });
    expect(general2.json().events.at(-1).text).toBe(`Melding ${other.number} staat ingepland.`);
  });

  it('weigert een onbekende plaatshouder met de plek, en slaat dan niets op', async () => {
    const { admin } = await setup();
    const bad = await admin('POST', '/api/v1/melding-standard-texts', { status: 'afgehandeld', title: 'Fout', body: 'Beste {naam}, klaar.' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail + JSON.stringify(bad.json().invalidParams)).toContain('{naam} op positie 7');
    const markup = await admin('POST', '/api/v1/melding-standard-texts', { status: 'afgehandeld', title: 'Fout', body: '<b>klaar</b>' });
    expect(markup.statusCode).toBe(400);
    expect((await admin('GET', '/api/v1/melding-standard-texts')).json()).toEqual([]);
  });

  it('laat geen plaatshouder naar de melder gaan die niet is ingevuld', async () => {
    const { admin, file, mails } = await setup();
    const melding = await file('verlichting-lantaarnpaal', { email: 'typo@example.nl' });
    const before = (await mails('typo@example.nl')).length;
    const refused = await admin('POST', `/api/v1/meldingen/${melding.id}/status`, {
      status: 'in-behandeling',
      message: 'Beste {naaam}, we gaan aan de slag met {nummer}.',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('plaatshouder-niet-ingevuld');
    expect((await admin('GET', `/api/v1/meldingen/${melding.id}`)).json().status).toBe('gemeld');
    expect(await mails('typo@example.nl')).toHaveLength(before);
  });

  it('wijzigt en verwijdert teksten; alleen de beheerder beheert ze', async () => {
    const { org, admin } = await setup();
    const created = (await admin('POST', '/api/v1/melding-standard-texts', { status: 'afgehandeld', title: 'Klaar', body: 'Klaar: {nummer}.' })).json();
    const changed = await admin('PATCH', `/api/v1/melding-standard-texts/${created.id}`, { body: 'Opgelost: {nummer}.' });
    expect(changed.json()).toMatchObject({ title: 'Klaar', body: 'Opgelost: {nummer}.' });
    const kcc = await buildUser(t.database.db, t.clock, org.id, { roles: ['kcc'] });
    const agent = requestAs(t.app, await signIn(t.app, kcc.email, kcc.password));
    expect((await agent('GET', '/api/v1/melding-standard-texts')).json()).toHaveLength(1);
    expect((await agent('DELETE', `/api/v1/melding-standard-texts/${created.id}`)).statusCode).toBe(403);
    expect((await admin('DELETE', `/api/v1/melding-standard-texts/${created.id}`)).statusCode).toBe(204);
    expect((await admin('GET', '/api/v1/melding-standard-texts')).json()).toEqual([]);
  });
});

describe('toewijzen aan een afdeling', () => {
  it('geeft een nieuwe melding aan de eerste afdeling van haar categorie, en filtert op afdeling en behandelaar', async () => {
    const { org, admin, category, file } = await setup();
    const department = category('verlichting-lantaarnpaal').departments[0]!;
    const melding = await file('verlichting-lantaarnpaal');
    expect((await admin('GET', `/api/v1/meldingen/${melding.id}`)).json().assignedDepartment).toBe(department);

    const other = category('afval').departments.find((name) => name !== department) ?? category('wegen-bestrating').departments[0]!;
    const handler = await buildUser(t.database.db, t.clock, org.id, { roles: ['vakafdeling'], name: 'Victor Vak' });
    const moved = await admin('PATCH', `/api/v1/meldingen/${melding.id}`, { assignedDepartment: other, assignedUserId: handler.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().events.at(-1).text).toBe(`Afdeling: ${other}; Behandelaar: Victor Vak`);
    expect((await admin('GET', `/api/v1/meldingen?department=${encodeURIComponent(other)}`)).json().map((m: { id: string }) => m.id)).toEqual([melding.id]);
    expect((await admin('GET', `/api/v1/meldingen?assignedUserId=${handler.id}`)).json()).toHaveLength(1);
    expect((await admin('GET', `/api/v1/meldingen?department=${encodeURIComponent(department)}`)).json()).toEqual([]);

    const unknown = await admin('PATCH', `/api/v1/meldingen/${melding.id}`, { assignedDepartment: 'Afdeling Bestaat Niet' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().invalidParams[0].name).toBe('assignedDepartment');
  });
});

describe('dubbele meldingen samenvoegen', () => {
  it('laat de dubbele de hoofdmelding volgen, met bericht aan elke melder en de foto’s op de hoofdmelding', async () => {
    const { org, base, admin, file, mails } = await setup();
    const image = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#abc' } })
      .png()
      .toBuffer();
    const formSession = 'formulier-van-de-tweede-melder';
    const photo = (
      await t.app.inject({
        method: 'POST',
        url: `${base}/melding-photos`,
        headers: { 'content-type': 'image/png', 'plein-form-session': formSession },
        payload: image,
      })
    ).json().photoId;
    const main = await file('verlichting-lantaarnpaal', { email: 'eerste@example.nl' });
    await admin('POST', `/api/v1/meldingen/${main.id}/status`, { status: 'in-behandeling' });
    const duplicate = await file('verlichting-lantaarnpaal', { email: 'tweede@example.nl', photoIds: [photo], formSession });

    const merged = await admin('POST', `/api/v1/meldingen/${main.id}/merge`, { duplicateIds: [duplicate.id] });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().duplicates).toEqual([expect.objectContaining({ id: duplicate.id, status: 'in-behandeling' })]);
    expect(merged.json().photoIds).toContain(photo);
    const followed = (await admin('GET', `/api/v1/meldingen/${duplicate.id}`)).json();
    expect(followed).toMatchObject({ status: 'in-behandeling', mergedIntoId: main.id, mergedInto: { number: main.number } });
    expect((await mails('tweede@example.nl')).map((mail) => mail.subject)).toContain(`Uw melding ${duplicate.number} is samengevoegd`);

    // The duplicate's status is the main melding's: it cannot be changed on its own.
    expect((await admin('POST', `/api/v1/meldingen/${duplicate.id}/status`, { status: 'afgehandeld' })).statusCode).toBe(409);
    await admin('POST', `/api/v1/meldingen/${main.id}/status`, { status: 'afgehandeld' });
    expect((await admin('GET', `/api/v1/meldingen/${duplicate.id}`)).json()).toMatchObject({ status: 'afgehandeld', handledAt: expect.any(String) });
    const news = (await mails('tweede@example.nl')).find((mail) => mail.subject === `Uw melding ${duplicate.number}: afgehandeld`)!;
    expect(news.text).toContain(duplicate.number);
    expect(news.text).toContain('/tevredenheid/');

    // The reporter of the duplicate reads it behind their own link.
    const status = (await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${org.slug}/meldingen/${duplicate.trackingToken}` })).json();
    expect(status.history.map((item: { message: string | null }) => item.message).join(' ')).toContain(`melding ${main.number}`);
  });

  it('weigert samenvoegen met zichzelf, over gemeenten heen en met een gesloten melding, en verandert dan niets', async () => {
    const { org, admin, category, file } = await setup();
    const main = await file('verlichting-lantaarnpaal');
    expect((await admin('POST', `/api/v1/meldingen/${main.id}/merge`, { duplicateIds: [main.id] })).statusCode).toBe(400);

    const limmen = org.municipalities.find((m) => m.cbs_code !== 'GM0383')!;
    const elsewhere = await admin('POST', '/api/v1/meldingen', {
      municipalityId: limmen.id,
      categoryId: category('verlichting-lantaarnpaal').id,
      description: 'Lamp stuk bij de kerk',
      lat: 52.6623,
      lon: 4.7011,
    });
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
    const refused = await admin('POST', `/api/v1/meldingen/${main.id}/merge`, { duplicateIds: [elsewhere.json().id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('andere-gemeente');
    expect((await admin('GET', `/api/v1/meldingen/${elsewhere.json().id}`)).json().mergedIntoId).toBeNull();

    const closed = await file('verlichting-lantaarnpaal');
    await admin('POST', `/api/v1/meldingen/${closed.id}/status`, { status: 'geannuleerd' });
    expect((await admin('POST', `/api/v1/meldingen/${closed.id}/merge`, { duplicateIds: [main.id] })).statusCode).toBe(409);
  });
});

describe('een melding splitsen', () => {
  it('maakt nieuwe meldingen met eigen categorie en termijn vanaf het moment van melden, en laat de melder elk deel volgen', async () => {
    const { org, admin, category, file, mails } = await setup();
    const original = await file('verlichting-lantaarnpaal', { email: 'split@example.nl', description: 'Lamp kapot en de afvalbak ernaast puilt uit.' });
    t.clock.advance(2 * 3_600_000);
    const split = await admin('POST', `/api/v1/meldingen/${original.id}/split`, {
      parts: [{ categoryId: category('afval-zwerfafval').id, description: 'Afvalbak naast de lantaarnpaal puilt uit.' }],
    });
    expect(split.statusCode, split.body).toBe(200);
    expect(split.json().parts).toHaveLength(1);
    const part = (await admin('GET', `/api/v1/meldingen/${split.json().parts[0].id}`)).json();
    expect(part).toMatchObject({
      categoryId: category('afval-zwerfafval').id,
      splitFromId: original.id,
      status: 'gemeld',
      address: 'Dorpsstraat 12',
      reporterEmail: 'split@example.nl',
    });
    expect(part.createdAt).toBe((await admin('GET', `/api/v1/meldingen/${original.id}`)).json().createdAt);

    const mail = (await mails('split@example.nl')).find((sent) => sent.subject === `Uw melding ${original.number} is gesplitst`)!;
    const link = mail.text.match(new RegExp(`${part.number} \\([^)]+\\): (\\S+)`))![1]!;
    const token = link.split('/').at(-1)!;
    const followed = await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${org.slug}/meldingen/${token}` });
    expect(followed.json()).toMatchObject({ number: part.number, status: 'gemeld' });
  });

  it('weigert een onbekende categorie zonder iets aan te maken', async () => {
    const { org, admin, file } = await setup();
    const original = await file('verlichting-lantaarnpaal');
    const count = async () => (await t.database.db.selectFrom('meldingen').select('id').where('organisation_id', '=', org.id).execute()).length;
    const before = await count();
    const refused = await admin('POST', `/api/v1/meldingen/${original.id}/split`, {
      parts: [{ categoryId: crypto.randomUUID(), description: 'Iets anders ook nog' }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().invalidParams[0].name).toBe('parts.0.categoryId');
    expect(await count()).toBe(before);
  });
});

describe('een melding maken van een bericht', () => {
  async function inbound(orgId: string, municipalityId: string) {
    const view = await buildChannelAccount(t.database.db, t.clock, orgId, { municipalityId, channel: 'gesimuleerd', settings: { scenario: 'alledaags' } });
    const account = await t.database.db
      .selectFrom('channel_accounts')
      .selectAll()
      .where('organisation_id', '=', orgId)
      .where('id', '=', view.id)
      .executeTakeFirstOrThrow();
    const image = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123' } })
      .jpeg()
      .toBuffer();
    const [messageId] = await storeMessages(t.database.db, t.clock, account, [
      buildPlainMessage({
        platformId: `post-${crypto.randomUUID()}`,
        author: { id: 'inwoner-1', handle: '@inwoner', displayName: 'Inwoner', followers: 10 },
        text: '@gemeente de lantaarnpaal in de Dorpsstraat is al een week kapot!',
        visibility: 'openbaar',
        postedAt: t.clock.now(),
        raw: {},
        media: [{ url: null, type: 'image', altText: null, file: { filename: 'paal.jpg', contentType: 'image/jpeg', bytes: image } }],
      }),
    ]);
    return { account, messageId: messageId! };
  }

  it('neemt de foto mee, bevestigt op het kanaal en meldt statuswijzigingen daar terug, elk één keer', async () => {
    const { org, castricum, admin, category } = await setup();
    const { account, messageId } = await inbound(org.id, castricum.id);
    const body = {
      municipalityId: castricum.id,
      messageId,
      categoryId: category('verlichting-lantaarnpaal').id,
      description: 'Lantaarnpaal Dorpsstraat kapot (via social)',
      lat: 52.55,
      lon: 4.66,
    };
    const created = await admin('POST', '/api/v1/meldingen', body);
    expect(created.statusCode, created.body).toBe(201);
    const melding = created.json();
    expect(melding).toMatchObject({ source: 'kanaal', sourceMessageId: messageId });
    expect(melding.photoIds).toHaveLength(1);
    const outbox = async () =>
      t.database.db.selectFrom('outbox').selectAll().where('organisation_id', '=', org.id).where('account_id', '=', account.id).orderBy('created_at').execute();
    expect((await outbox()).map((item) => item.text)).toEqual([expect.stringContaining(`melding ${melding.number}`)]);
    expect((await outbox())[0]).toMatchObject({ kind: 'reply', reply_to_message_id: messageId });

    // The same message twice is refused: one message, one melding.
    expect((await admin('POST', '/api/v1/meldingen', body)).statusCode).toBe(409);

    const changed = await admin('POST', `/api/v1/meldingen/${melding.id}/status`, { status: 'ingepland' });
    expect(changed.json().events.at(-1)).toMatchObject({ sentToReporter: true, sentVia: 'kanaal' });
    // A text too long for the channel becomes the short news.
    await admin('POST', `/api/v1/meldingen/${melding.id}/status`, { status: 'afgehandeld', message: `Opgelost. ${'Nieuwe lamp geplaatst. '.repeat(30)}` });
    const texts = (await outbox()).map((item) => item.text);
    expect(texts).toHaveLength(3);
    expect(texts).toContain(`Uw melding ${melding.number}: afgehandeld.`);
    const sendJobs = await t.database.db
      .selectFrom('jobs')
      .select('payload')
      .where('organisation_id', '=', org.id)
      .where('name', '=', 'kanaal.versturen')
      .execute();
    expect(sendJobs).toHaveLength(3);
  });

  it('weigert een bericht van een andere organisatie of een uitgaand bericht', async () => {
    const { castricum, admin, category } = await setup();
    const other = await buildOrganisation(t.database.db, 'Andere organisatie');
    const { messageId } = await inbound(other.id, other.municipalities[0]!.id);
    const refused = await admin('POST', '/api/v1/meldingen', {
      municipalityId: castricum.id,
      messageId,
      categoryId: category('verlichting-lantaarnpaal').id,
      description: 'Lamp kapot',
      lat: 52.55,
      lon: 4.66,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().invalidParams[0].name).toBe('messageId');
  });
});

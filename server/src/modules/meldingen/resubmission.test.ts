import { buildOrganisation } from '@test/factories';
import { createTestApp, type TestApp } from '@test/harness';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const IN_CASTRICUM = { lat: 52.548, lon: 4.669 };

async function setup() {
  const org = await buildOrganisation(t.database.db);
  const base = `/api/v1/organisations/${org.slug}/municipalities/GM0383`;
  const categories = (await t.app.inject({ method: 'GET', url: `${base}/melding-categories` })).json().categories as { id: string; code: string }[];
  const tegel = {
    categoryId: categories.find((c) => c.code === 'wegen-bestrating')!.id,
    description: 'Losliggende stoeptegel voor nummer 3.',
    ...IN_CASTRICUM,
    email: 'sanne@example.nl',
  };
  const submit = (body: Record<string, unknown>, options: { key?: string; from?: string } = {}) =>
    t.app.inject({
      method: 'POST',
      url: `${base}/meldingen`,
      remoteAddress: options.from ?? '10.20.0.1',
      headers: options.key ? { 'idempotency-key': options.key } : {},
      payload: body,
    });
  const count = async (table: 'meldingen' | 'idempotent_requests' | 'attachments') =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('organisation_id', '=', org.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const confirmations = async () =>
    (await t.database.db.selectFrom('jobs').select('payload').where('organisation_id', '=', org.id).where('name', '=', 'mail.versturen').execute()).filter(
      (job) => String(job.payload.subject).includes('is ontvangen'),
    ).length;
  const status = (token: string) => t.app.inject({ method: 'GET', url: `/api/v1/organisations/${org.slug}/meldingen/${token}` });
  return { org, base, tegel, submit, count, confirmations, status };
}

describe('een melding die twee keer binnenkomt', () => {
  it('beantwoordt dezelfde Idempotency-Key met het eerste antwoord en weigert hem voor andere inhoud', async () => {
    const { tegel, submit, count, confirmations } = await setup();
    const key = '7d1c2f0a-3b4e-4c5d-8e6f-9a0b1c2d3e4f';
    const first = await submit(tegel, { key });
    expect(first.statusCode, first.body).toBe(201);
    // The retry comes from another address (the phone changed networks): the key is what counts.
    const retry = await submit(tegel, { key, from: '10.20.0.2' });
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(await count('meldingen')).toBe(1);
    expect(await confirmations()).toBe(1);

    const other = await submit({ ...tegel, description: 'Een heel andere melding over een bankje.' }, { key });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'idempotency-key-hergebruikt' });
    const short = await submit(tegel, { key: 'kort' });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'idempotency-key-ongeldig' });
    expect(await count('meldingen')).toBe(1);

    // Neither the key nor the tracking link in the stored answer is readable in the table.
    const stored = await t.database.db.selectFrom('idempotent_requests').selectAll().execute();
    expect(stored.map((row) => row.answer_sealed)).toEqual([expect.stringMatching(/^v1\./)]);
    const everything = JSON.stringify(stored);
    expect(everything).not.toContain(key);
    expect(everything).not.toContain(first.json().trackingToken);
  });

  it('laat niets achter van een geweigerde poging: dezelfde sleutel werkt daarna voor de goede melding', async () => {
    const { tegel, submit, count } = await setup();
    const key = 'poging-1-van-een-inwoner-met-haast';
    const outside = await submit({ ...tegel, lat: 51.92, lon: 4.48 }, { key });
    expect(outside.statusCode).toBe(400);
    expect(await count('idempotent_requests')).toBe(0);
    const filed = await submit(tegel, { key });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(await count('meldingen')).toBe(1);
  });

  it('herkent zonder sleutel dezelfde melding van hetzelfde adres binnen tien minuten, met een tweede link naar de eerste', async () => {
    const { tegel, submit, count, confirmations, status } = await setup();
    const first = (await submit(tegel)).json();
    const again = await submit({ ...tegel, description: '  losliggende  stoeptegel voor nummer 3. ' });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().number).toBe(first.number);
    expect(again.json().trackingToken).not.toBe(first.trackingToken);
    for (const token of [first.trackingToken, again.json().trackingToken]) {
      const page = await status(token);
      expect(page.statusCode).toBe(200);
      expect(page.json().number).toBe(first.number);
    }
    expect(await count('meldingen')).toBe(1);
    expect(await confirmations()).toBe(1);

    // Another resident with the same words, or the same resident again later, is a melding of its own.
    expect((await submit(tegel, { from: '10.20.0.9' })).json().number).not.toBe(first.number);
    t.clock.advance(11 * 60_000);
    expect((await submit(tegel)).json().number).not.toBe(first.number);
    expect(await count('meldingen')).toBe(3);
  });
});

describe('foto’s horen bij het formulier dat ze stuurde', () => {
  it('weigert een foto zonder formuliersessie en laat een melding alleen foto’s van de eigen sessie gebruiken', async () => {
    const { org, tegel, base, submit, count } = await setup();
    const image = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#a52' } })
      .png()
      .toBuffer();
    const upload = (session?: string) =>
      t.app.inject({
        method: 'POST',
        url: `${base}/melding-photos`,
        headers: { 'content-type': 'image/png', ...(session && { 'plein-form-session': session }) },
        payload: image,
      });
    const without = await upload();
    expect(without.statusCode).toBe(400);
    expect(without.json()).toMatchObject({ code: 'formuliersessie-ongeldig' });
    expect(await count('attachments')).toBe(0);

    const mine = 'sessie-van-sanne-op-haar-telefoon';
    const photoId = (await upload(mine)).json().photoId as string;
    // A staff member's upload (a webcare reply image) has no form session and can never be claimed.
    const staffImage = await t.database.db
      .insertInto('attachments')
      .values({
        organisation_id: org.id,
        message_id: null,
        filename: 'antwoord.png',
        content_type: 'image/png',
        size_bytes: 1,
        sha256: 'x',
        content: Buffer.from('x'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const attempt of [
      { photoIds: [photoId], formSession: 'sessie-van-iemand-anders-0000' },
      { photoIds: [photoId] },
      { photoIds: [staffImage.id], formSession: mine },
    ]) {
      const refused = await submit({ ...tegel, ...attempt }, { from: '10.20.1.1' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'onbekende-foto' });
    }
    expect(await count('meldingen')).toBe(0);
    const filed = await submit({ ...tegel, photoIds: [photoId], formSession: mine }, { from: '10.20.1.1' });
    expect(filed.statusCode, filed.body).toBe(201);
  });
});

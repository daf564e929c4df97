import { buildChannelAccount } from '@test/factories';
import { createTestApp, requestAs, type TestApp } from '@test/harness';
import { receive, setUpInbox } from '@test/kits/conversation-kit';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

// A JPEG as a phone makes it: with the place it was taken (GPS) and a camera make in its EXIF.
async function phoneJpeg() {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Telefoonmerk', Artist: 'Jan Jansen' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 22/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '4/1 53/1 3/1' },
    })
    .toBuffer();
}
const base64 = (bytes: Buffer) => bytes.toString('base64');

async function setup() {
  const base = await setUpInbox(t);
  const { conversationId } = await receive(t, base.account, { author: 'sanne', text: 'Waar staat de nieuwe container?' });
  return { ...base, conversationId, url: `/api/v1/conversations/${conversationId}` };
}

describe('afbeeldingen bij een antwoord', () => {
  it('neemt PNG en JPEG naar hun inhoud aan, zonder metagegevens, en stuurt ze met alt-tekst mee met het antwoord', async () => {
    const { admin, url, org } = await setup();
    const original = await phoneJpeg();
    expect((await exifr.gps(original))?.latitude).toBeCloseTo(52.37, 1);
    // The name says PNG; the bytes say JPEG, and the bytes decide.
    const uploaded = await admin('POST', `${url}/reply-images`, { data: base64(original), filename: 'kaart.png' });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({ contentType: 'image/jpeg', width: 64, height: 48 });
    const stored = await admin('GET', `${url}/reply-images/${uploaded.json().id}`);
    expect(stored.headers['content-type']).toBe('image/jpeg');
    const metadata = await sharp(stored.rawPayload).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(await exifr.gps(stored.rawPayload).catch(() => undefined)).toBeUndefined();

    const png = await admin('POST', `${url}/reply-images`, {
      data: base64(
        await sharp({ create: { width: 10, height: 10, channels: 4, background: '#0a0' } })
          .png()
          .toBuffer(),
      ),
    });
    expect(png.json()).toMatchObject({ contentType: 'image/png' });

    const missingAlt = await admin('POST', `${url}/reply`, { text: 'Hier staat hij. ^BB', media: [{ imageId: uploaded.json().id, altText: ' ' }] });
    expect(missingAlt.statusCode).toBe(400);
    expect(missingAlt.json().invalidParams[0]).toMatchObject({ name: 'media.0.altText', reason: expect.stringContaining('alt-tekst') });
    const reply = await admin('POST', `${url}/reply`, {
      text: 'Hier staat hij. ^BB',
      media: [{ imageId: uploaded.json().id, altText: 'Kaartje met de container op de hoek van de Dorpsstraat' }],
    });
    expect(reply.statusCode, reply.body).toBe(201);
    const item = await t.database.db.selectFrom('outbox').select('media').where('organisation_id', '=', org.id).executeTakeFirstOrThrow();
    expect(item.media).toEqual([{ attachmentId: uploaded.json().id, altText: 'Kaartje met de container op de hoek van de Dorpsstraat' }]);
    const event = (await admin('GET', url)).json().events.at(-1);
    expect(event).toMatchObject({ kind: 'antwoord', details: { images: 1 } });
  });

  it('weigert in het Nederlands wat geen PNG of JPEG is, te groot is, of bij een ander gesprek hoort', async () => {
    const { admin, url, account } = await setup();
    const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
    const refusedGif = await admin('POST', `${url}/reply-images`, { data: base64(gif), filename: 'foto.jpg' });
    expect(refusedGif.statusCode).toBe(400);
    expect(refusedGif.json()).toMatchObject({ code: 'geen-png-of-jpeg', detail: expect.stringContaining('PNG- of JPEG') });
    expect((await admin('POST', `${url}/reply-images`, { data: base64(Buffer.from('<svg/>')) })).json()).toMatchObject({
      status: 400,
      code: 'geen-png-of-jpeg',
    });
    const broken = Buffer.concat([(await phoneJpeg()).subarray(0, 200)]);
    expect((await admin('POST', `${url}/reply-images`, { data: base64(broken) })).json()).toMatchObject({ status: 400, code: 'afbeelding-onleesbaar' });
    expect((await admin('POST', `${url}/reply-images`, { data: 'geen base64!' })).json()).toMatchObject({ status: 400, title: 'Ongeldige invoer' });
    const tooLarge = await admin('POST', `${url}/reply-images`, { data: base64(Buffer.alloc(5 * 1024 * 1024 + 10, 1)) });
    expect(tooLarge.statusCode).toBe(400);

    // An image uploaded for another conversation cannot be slipped into this reply.
    const { conversationId: elsewhere } = await receive(t, account, { author: 'piet' });
    const foreign = (await admin('POST', `/api/v1/conversations/${elsewhere}/reply-images`, { data: base64(await phoneJpeg()) })).json();
    const slipped = await admin('POST', `${url}/reply`, { text: 'Kijk. ^BB', media: [{ imageId: foreign.id, altText: 'Een foto' }] });
    expect(slipped.json()).toMatchObject({ status: 400, code: 'onbekende-afbeelding' });
  });

  it('zegt vóór versturen dat een kanaal geen afbeelding bij een antwoord kan meesturen', async () => {
    const { admin, org, castricum } = await setup();
    const view = await buildChannelAccount(t.database.db, t.clock, org.id, {
      municipalityId: castricum.id,
      channel: 'linkedin',
      serviceUrl: 'http://127.0.0.1:9',
      settings: { organizationUrn: 'urn:li:organization:1' },
      secrets: { accessToken: 'token' },
    });
    const linkedin = await t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
    const { conversationId } = await receive(t, linkedin, { author: 'bedrijf' });
    const refused = await admin('POST', `/api/v1/conversations/${conversationId}/reply-images`, { data: base64(await phoneJpeg()) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'afbeelding-niet-mogelijk', detail: 'Via LinkedIn kan Plein geen afbeelding bij een antwoord meesturen.' });
    const check = await admin('POST', `/api/v1/conversations/${conversationId}/reply-check`, {
      text: 'Zie de kaart',
      media: [{ imageId: crypto.randomUUID(), altText: 'Kaart' }],
    });
    expect(check.json().blocking).toEqual([expect.objectContaining({ code: 'afbeelding-niet-mogelijk' })]);
    const reply = await admin('POST', `/api/v1/conversations/${conversationId}/reply`, {
      text: 'Zie de kaart',
      media: [{ imageId: crypto.randomUUID(), altText: 'Kaart' }],
    });
    expect(reply.json()).toMatchObject({ status: 400, code: 'afbeelding-niet-mogelijk', invalidParams: [{ name: 'media' }] });
  });

  it('weigert zonder inloggen en voor een andere organisatie', async () => {
    const { admin, url } = await setup();
    const image = (await admin('POST', `${url}/reply-images`, { data: base64(await phoneJpeg()) })).json();
    const anonymous = requestAs(t.app, null);
    expect((await anonymous('POST', `${url}/reply-images`, { data: base64(await phoneJpeg()) })).statusCode).toBe(401);
    expect((await anonymous('GET', `${url}/reply-images/${image.id}`)).statusCode).toBe(401);
    const stranger = await setUpInbox(t);
    expect((await stranger.admin('POST', `${url}/reply-images`, { data: base64(await phoneJpeg()) })).statusCode).toBe(404);
    expect((await stranger.admin('GET', `${url}/reply-images/${image.id}`)).statusCode).toBe(404);
  });
});

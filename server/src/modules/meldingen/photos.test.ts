import { buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const FORM_SESSION = 'formulier-sessie-van-sanne-0001';

// A phone photo: a JPEG with GPS (Castricum) and the camera owner's name in EXIF.
async function phonePhoto() {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 190, b: 170 } } })
    .withExif({
      IFD0: { Artist: 'Sanne de Vries' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 32/1 5400/100', GPSLongitudeRef: 'E', GPSLongitude: '4/1 40/1 900/100' },
    })
    .jpeg()
    .toBuffer();
}

describe('foto’s bij een melding', () => {
  it('neemt een foto aan, geeft de plek uit de foto terug, bewaart hem zonder metadata en toont hem aan medewerkers', async () => {
    const org = await buildOrganisation(t.database.db);
    const base = `/api/v1/organisations/${org.slug}/municipalities/GM0383`;
    const upload = await t.app.inject({
      method: 'POST',
      url: `${base}/melding-photos`,
      headers: { 'content-type': 'image/jpeg', 'plein-form-session': FORM_SESSION },
      payload: await phonePhoto(),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const photo = upload.json();
    expect(photo.location.lat).toBeCloseTo(52.5483, 3);
    expect(photo.location.lon).toBeCloseTo(4.6692, 3);

    const categories = (await t.app.inject({ method: 'GET', url: `${base}/melding-categories` })).json().categories;
    const category = categories.find((c: { code: string }) => c.code === 'afval-dumping');
    const filed = await t.app.inject({
      method: 'POST',
      url: `${base}/meldingen`,
      payload: {
        categoryId: category.id,
        description: 'Matras gedumpt bij de container',
        ...photo.location,
        photoIds: [photo.photoId],
        formSession: FORM_SESSION,
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    // The same photo cannot be claimed by a second melding.
    const again = await t.app.inject({
      method: 'POST',
      url: `${base}/meldingen`,
      payload: { categoryId: category.id, description: 'Nog een matras', ...photo.location, photoIds: [photo.photoId], formSession: FORM_SESSION },
    });
    expect(again.json().code).toBe('onbekende-foto');

    const user = await buildUser(t.database.db, t.clock, org.id, {
      roles: ['vakafdeling'],
      municipalityIds: [org.municipalities.find((m) => m.cbs_code === 'GM0383')!.id],
    });
    const api = requestAs(t.app, await signIn(t.app, user.email, user.password));
    const [melding] = (await api('GET', '/api/v1/meldingen')).json();
    const detail = (await api('GET', `/api/v1/meldingen/${melding.id}`)).json();
    expect(detail.photoIds).toEqual([photo.photoId]);
    const image = await api('GET', `/api/v1/meldingen/${melding.id}/photos/${photo.photoId}`);
    expect(image.headers['content-type']).toBe('image/jpeg');
    const stored = image.rawPayload;
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    expect(stored.includes(Buffer.from('Sanne de Vries'))).toBe(false);
  });

  it('weigert wat geen foto is of te groot is, met een Nederlandse uitleg, en bewaart niets', async () => {
    const org = await buildOrganisation(t.database.db);
    const base = `/api/v1/organisations/${org.slug}/municipalities/GM0383`;
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('attachments')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('organisation_id', '=', org.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const text = await t.app.inject({
      method: 'POST',
      url: `${base}/melding-photos`,
      headers: { 'content-type': 'image/jpeg', 'plein-form-session': FORM_SESSION },
      payload: Buffer.from('dit is geen foto'),
    });
    expect(text.statusCode).toBe(400);
    expect(text.json()).toMatchObject({ code: 'foto-geen-afbeelding' });
    const huge = await t.app.inject({
      method: 'POST',
      url: `${base}/melding-photos`,
      headers: { 'content-type': 'image/jpeg', 'plein-form-session': FORM_SESSION },
      payload: Buffer.alloc(12 * 1024 * 1024, 1),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toContain('application/problem+json');
    const pdf = await t.app.inject({
      method: 'POST',
      url: `${base}/melding-photos`,
      headers: { 'content-type': 'application/pdf', 'plein-form-session': FORM_SESSION },
      payload: Buffer.from('%PDF-1.4'),
    });
    expect(pdf.statusCode).toBe(415);
    expect(await count()).toBe(0);
  });
});

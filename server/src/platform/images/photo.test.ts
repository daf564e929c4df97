import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES, MAX_PHOTO_SIDE, PhotoError, processPhoto } from './photo.service.ts';

// Real images, made here with sharp. sharp 0.33 writes EXIF with withExif(), and its IFD3 is the GPS IFD:
// libvips turns 'exif-ifd3-GPSLatitude' strings of rationals ("52/1 22/1 1234/100" = 52°22'12.34")
// into proper GPS tags, which exifr reads back. That beats hand-made APP1 bytes.
const DAM_SQUARE = {
  GPSLatitudeRef: 'N',
  GPSLatitude: '52/1 22/1 1234/100',
  GPSLongitudeRef: 'E',
  GPSLongitude: '4/1 53/1 3/1',
};
const DAM_LAT = 52 + 22 / 60 + 12.34 / 3600;
const DAM_LON = 4 + 53 / 60 + 3 / 3600;

const RED = { r: 255, g: 0, b: 0 };
const BLUE = { r: 0, g: 0, b: 255 };

// 40×20, red left half and blue right half, so a rotation shows in where the red ends up.
function halves(): sharp.Sharp {
  return sharp({ create: { width: 40, height: 20, channels: 3, background: BLUE } }).composite([
    { input: { create: { width: 20, height: 20, channels: 3, background: RED } }, left: 0, top: 0 },
  ]);
}

// An XMP packet in its own APP1 segment right after SOI, as cameras and editors write it
// (sharp 0.33 cannot write XMP itself; withXmp came in 0.34).
function withXmpSegment(jpeg: Buffer): Buffer {
  const payload = Buffer.from(
    'http://ns.adobe.com/xap/1.0/\0' +
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
      '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Jan Jansen"/></rdf:RDF></x:xmpmeta>',
    'latin1',
  );
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

async function pixel(image: Buffer, x: number, y: number) {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return { r: data[at] ?? -1, g: data[at + 1] ?? -1, b: data[at + 2] ?? -1 };
}

function expectColour(actual: { r: number; g: number; b: number }, expected: { r: number; g: number; b: number }) {
  // JPEG shifts colours a little; the point is red versus blue.
  expect(Math.abs(actual.r - expected.r)).toBeLessThan(40);
  expect(Math.abs(actual.b - expected.b)).toBeLessThan(40);
}

async function refusal(promise: Promise<unknown>): Promise<PhotoError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PhotoError);
  return error as PhotoError;
}

describe('processPhoto with a phone-like JPEG', () => {
  async function phoneJpeg(): Promise<Buffer> {
    const jpeg = await halves()
      .jpeg()
      .withMetadata({ orientation: 6 }) // "rotate 90° clockwise to show"; also embeds an ICC profile
      .withExif({ IFD0: { Make: 'Plein', Model: 'Testtoestel', Artist: 'Jan Jansen' }, IFD3: DAM_SQUARE })
      .toBuffer();
    return withXmpSegment(jpeg);
  }

  it('has what we mean to strip to begin with', async () => {
    const input = await phoneJpeg();
    const metadata = await sharp(input).metadata();
    expect(metadata.orientation).toBe(6);
    expect(metadata.exif).toBeDefined();
    expect(metadata.xmp).toBeDefined();
    expect(metadata.icc).toBeDefined();
    expect(await exifr.gps(input)).toMatchObject({ latitude: expect.closeTo(DAM_LAT, 6) });
  });

  it('reads the GPS location', async () => {
    const photo = await processPhoto(await phoneJpeg(), 'image/jpeg');
    expect(photo.location?.lat).toBeCloseTo(DAM_LAT, 6);
    expect(photo.location?.lon).toBeCloseTo(DAM_LON, 6);
  });

  it('leaves no EXIF, GPS, XMP, IPTC or ICC in the output', async () => {
    const photo = await processPhoto(await phoneJpeg(), 'image/jpeg');
    expect(await exifr.parse(photo.bytes, true)).toBeUndefined();
    expect(await exifr.gps(photo.bytes)).toBeUndefined();
    const metadata = await sharp(photo.bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.iptc).toBeUndefined();
    expect(metadata.icc).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(photo.bytes.includes('Jan Jansen')).toBe(false);
    expect(photo.bytes.includes('Testtoestel')).toBe(false);
  });

  it('turns the pixels as the orientation said', async () => {
    const photo = await processPhoto(await phoneJpeg(), 'image/jpeg');
    expect(photo.contentType).toBe('image/jpeg');
    expect([photo.width, photo.height]).toEqual([20, 40]);
    // Turned 90° clockwise, the left (red) half is on top.
    expectColour(await pixel(photo.bytes, 10, 5), RED);
    expectColour(await pixel(photo.bytes, 10, 35), BLUE);
  });
});

describe('processPhoto keeps the format', () => {
  it('keeps a PNG a PNG, transparency included', async () => {
    const png = await sharp({ create: { width: 30, height: 30, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.5 } } })
      .png()
      .toBuffer();
    const photo = await processPhoto(png, 'image/png');
    expect(photo.contentType).toBe('image/png');
    expect(photo.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect((await sharp(photo.bytes).metadata()).hasAlpha).toBe(true);
    expect(photo.location).toBeNull();
  });

  it('keeps a WebP a WebP, and finds its GPS although exifr cannot read WebP files', async () => {
    const webp = await halves().webp().withExif({ IFD3: DAM_SQUARE }).toBuffer();
    const photo = await processPhoto(webp, 'image/webp');
    expect(photo.contentType).toBe('image/webp');
    expect(photo.location?.lat).toBeCloseTo(DAM_LAT, 6);
    expect((await sharp(photo.bytes).metadata()).exif).toBeUndefined();
  });

  it('stores an AVIF as JPEG, with its location', async () => {
    const avif = await halves().avif().withExif({ IFD3: DAM_SQUARE }).toBuffer();
    const photo = await processPhoto(avif, 'image/avif');
    expect(photo.contentType).toBe('image/jpeg');
    expect(photo.location?.lon).toBeCloseTo(DAM_LON, 6);
  });

  it('trusts the bytes over the declared type', async () => {
    const png = await halves().png().toBuffer();
    expect((await processPhoto(png, 'image/jpeg')).contentType).toBe('image/png');
    expect((await processPhoto(png, undefined)).contentType).toBe('image/png');
  });
});

describe('processPhoto size', () => {
  it('brings the longest side down to the maximum, keeping the aspect ratio', async () => {
    const wide = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: BLUE } })
      .jpeg()
      .toBuffer();
    const photo = await processPhoto(wide, 'image/jpeg');
    expect([photo.width, photo.height]).toEqual([MAX_PHOTO_SIDE, 853]);
  });

  it('does not enlarge a small photo', async () => {
    const photo = await processPhoto(await halves().jpeg().toBuffer(), 'image/jpeg');
    expect([photo.width, photo.height]).toEqual([40, 20]);
  });
});

describe('processPhoto location', () => {
  it('is null without GPS', async () => {
    expect((await processPhoto(await halves().jpeg().toBuffer(), 'image/jpeg')).location).toBeNull();
  });

  it('is null for 0,0, what a camera without a fix writes', async () => {
    const nowhere = { GPSLatitudeRef: 'N', GPSLatitude: '0/1 0/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '0/1 0/1 0/1' };
    const jpeg = await halves().jpeg().withExif({ IFD3: nowhere }).toBuffer();
    expect((await processPhoto(jpeg, 'image/jpeg')).location).toBeNull();
  });
});

describe('processPhoto refuses', () => {
  it('a 12 MB file as te-groot, before looking at it', async () => {
    const error = await refusal(processPhoto(Buffer.alloc(12 * 1024 * 1024, 0xff), 'image/jpeg'));
    expect(error.code).toBe('te-groot');
    expect(error.message).toBe('Deze foto is te groot. Een foto mag maximaal 10 MB zijn.');
    expect((await refusal(processPhoto(Buffer.alloc(MAX_PHOTO_BYTES + 1), 'image/jpeg'))).code).toBe('te-groot');
  });

  it('a text file posing as image/jpeg as geen-afbeelding', async () => {
    const error = await refusal(processPhoto(Buffer.from('Beste gemeente, er ligt een fiets in de gracht.\n'), 'image/jpeg'));
    expect(error.code).toBe('geen-afbeelding');
    expect(error.message).toMatch(/geen foto/);
  });

  it('an empty file as geen-afbeelding', async () => {
    expect((await refusal(processPhoto(Buffer.alloc(0), 'image/jpeg'))).code).toBe('geen-afbeelding');
  });

  it('images that are no photos (GIF, SVG, TIFF) as geen-afbeelding', async () => {
    const gif = await halves().gif().toBuffer();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    const tiff = await halves().tiff().toBuffer();
    for (const [bytes, type] of [
      [gif, 'image/gif'],
      [svg, 'image/svg+xml'],
      [tiff, 'image/tiff'],
    ] as const) {
      expect((await refusal(processPhoto(bytes, type))).code, type).toBe('geen-afbeelding');
    }
  });

  it('a JPEG cut off halfway as onleesbaar', async () => {
    const noise = Buffer.alloc(200 * 200 * 3);
    for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 7919) % 251;
    const jpeg = await sharp(noise, { raw: { width: 200, height: 200, channels: 3 } })
      .jpeg()
      .toBuffer();
    const error = await refusal(processPhoto(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'image/jpeg'));
    expect(error.code).toBe('onleesbaar');
    expect(error.message).toMatch(/niet openen/);
  });

  // sharp's prebuilt binaries cannot decode HEVC. No HEIC can be made here, so the refusal is tested with
  // the start of one: an ftyp box with iPhone brands followed by junk.
  const canReadHeic = sharp.format.heif?.input.fileSuffix?.includes('.heic') ?? false;
  it.skipIf(canReadHeic)('an iPhone HEIC as onleesbaar, saying how to send a JPEG instead', async () => {
    const ftyp = Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'latin1');
    const heic = Buffer.concat([ftyp, Buffer.alloc(200, 0x42)]);
    // No declared type: the brands alone must give it away.
    const error = await refusal(processPhoto(heic, undefined));
    expect(error.code).toBe('onleesbaar');
    expect(error.message).toMatch(/HEIC/);
    expect(error.message).toMatch(/Meest compatibel/);
  });

  it.skipIf(canReadHeic)('unknown bytes declared as HEIC with the HEIC message', async () => {
    const error = await refusal(processPhoto(Buffer.from('niet echt een foto, wel image/heic'), 'image/heic'));
    expect(error.code).toBe('onleesbaar');
    expect(error.message).toMatch(/HEIC/);
  });
});

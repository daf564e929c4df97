// A photo with a melding: check what it really is, take its location, and keep nothing else.
//
// A resident's photo carries more than the picture: GPS (where they live, if taken at home), camera
// and phone make, time, sometimes their name. We read the location because it helps place the melding,
// then re-encode the pixels so none of that metadata reaches storage or other residents.
// The bytes decide the type; the declared Content-Type only helps to word a refusal.

import exifr from 'exifr';
import sharp from 'sharp';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTO_SIDE = 2560;
const JPEG_QUALITY = 85;
const WEBP_QUALITY = 85;

export type PhotoContentType = 'image/jpeg' | 'image/png' | 'image/webp';

export interface PhotoLocation {
  lat: number;
  lon: number;
}

export interface ProcessedPhoto {
  bytes: Buffer;
  contentType: PhotoContentType;
  width: number;
  height: number;
  location: PhotoLocation | null;
}

// te-groot: over MAX_PHOTO_BYTES. geen-afbeelding: not a photo format we take (text, PDF, GIF, SVG, TIFF…).
// onleesbaar: a photo format we know, but we cannot decode these bytes (damaged, cut off, or HEIC below).
export type PhotoErrorCode = 'te-groot' | 'geen-afbeelding' | 'onleesbaar';

export class PhotoError extends Error {
  constructor(
    readonly code: PhotoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PhotoError';
  }
}

const MESSAGES = {
  tooLarge: `Deze foto is te groot. Een foto mag maximaal ${MAX_PHOTO_BYTES / 1024 / 1024} MB zijn.`,
  notAnImage: 'Dit bestand is geen foto. U kunt een foto toevoegen in JPEG-, PNG- of WebP-formaat.',
  unreadable: 'Deze foto kunnen we niet openen. Misschien is het bestand beschadigd. Probeer een andere foto.',
  heic:
    "Foto's in HEIC-formaat (de standaard op iPhones) kunnen we niet openen. " +
    "Kies op uw iPhone bij Instellingen > Camera > Formaten 'Meest compatibel', of stuur de foto als JPEG.",
} as const;

// sharp's prebuilt binaries decode AVIF but not HEVC (patents), so iPhone HEIC photos cannot be read here;
// sharp then lists only '.avif' as heif input. A sharp on a libvips built with libde265 lists '.heic' too.
const CAN_READ_HEIC = sharp.format.heif?.input.fileSuffix?.includes('.heic') ?? false;

export async function processPhoto(input: Buffer, declaredType: string | undefined): Promise<ProcessedPhoto> {
  if (input.length > MAX_PHOTO_BYTES) throw new PhotoError('te-groot', MESSAGES.tooLarge);
  if (!CAN_READ_HEIC && isHeic(input)) throw new PhotoError('onleesbaar', MESSAGES.heic);

  const metadata = await readMetadata(input, declaredType);
  const contentType = outputTypeFor(metadata);
  const location = await readLocation(input, metadata.exif);

  // sharp writes no metadata unless asked (withMetadata/keepExif/withExif): never ask. Its default
  // pipeline also converts to sRGB and drops the ICC profile, so colours survive without the profile.
  const pipeline = sharp(input, { failOn: 'error' })
    .rotate() // apply the EXIF orientation to the pixels, since the tag that says it goes
    .resize({ width: MAX_PHOTO_SIDE, height: MAX_PHOTO_SIDE, fit: 'inside', withoutEnlargement: true });
  if (contentType === 'image/png') pipeline.png();
  else if (contentType === 'image/webp') pipeline.webp({ quality: WEBP_QUALITY });
  else pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: JPEG_QUALITY });

  try {
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType, width: info.width, height: info.height, location };
  } catch {
    // The header was fine but the pixels are not: cut off or damaged.
    throw new PhotoError('onleesbaar', MESSAGES.unreadable);
  }
}

async function readMetadata(input: Buffer, declaredType: string | undefined): Promise<sharp.Metadata> {
  try {
    return await sharp(input).metadata();
  } catch (error) {
    // A HEIC variant our brand check missed: the phone's word for it gives the more useful message.
    if (!CAN_READ_HEIC && isHeicType(declaredType)) throw new PhotoError('onleesbaar', MESSAGES.heic);
    // sharp says 'unsupported image format' (or 'empty') when it recognises nothing; anything else means
    // it recognised a format whose header is damaged.
    const message = error instanceof Error ? error.message : '';
    if (/unsupported image format|empty/i.test(message)) throw new PhotoError('geen-afbeelding', MESSAGES.notAnImage);
    throw new PhotoError('onleesbaar', MESSAGES.unreadable);
  }
}

function outputTypeFor(metadata: sharp.Metadata): PhotoContentType {
  switch (metadata.format) {
    case 'jpeg':
      return 'image/jpeg';
    case 'png':
      return 'image/png';
    case 'webp':
      return 'image/webp';
    case 'heif':
      // AVIF (and HEIC where sharp can read it): stored as JPEG, which every browser shows.
      if (metadata.compression === 'hevc' && !CAN_READ_HEIC) throw new PhotoError('onleesbaar', MESSAGES.heic);
      return 'image/jpeg';
    default:
      // GIF, SVG (scripts), TIFF, PDF and the rest: sharp could read some, but they are no photos.
      throw new PhotoError('geen-afbeelding', MESSAGES.notAnImage);
  }
}

// The location is a help, never a reason to refuse the photo: anything odd gives null.
async function readLocation(input: Buffer, exifBlock: Buffer | undefined): Promise<PhotoLocation | null> {
  const fromFile = await exifr.gps(input).catch(() => undefined);
  // exifr does not know WebP, and finds nothing in some AVIFs; sharp has already taken the EXIF block out
  // of those, which exifr reads as TIFF once sharp's 'Exif\0\0' prefix (not always there) is off.
  const gps = fromFile ?? (exifBlock ? await exifr.gps(withoutExifPrefix(exifBlock)).catch(() => undefined) : undefined);
  if (!gps) return null;
  const { latitude: lat, longitude: lon } = gps;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  // 0,0 is what cameras write without a fix, not a melding in the Gulf of Guinea.
  if (lat === 0 && lon === 0) return null;
  return { lat, lon };
}

function withoutExifPrefix(block: Buffer): Buffer {
  return block.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? block.subarray(6) : block;
}

// A HEIF file whose brands say HEVC (iPhone photos: major brand 'heic'); AVIF says 'avif' and is fine.
function isHeic(input: Buffer): boolean {
  if (input.length < 16 || input.subarray(4, 8).toString('latin1') !== 'ftyp') return false;
  const boxSize = Math.min(input.readUInt32BE(0), input.length, 256);
  const brands: string[] = [];
  for (let offset = 8; offset + 4 <= boxSize; offset += 4) {
    if (offset === 12) continue; // minor version, not a brand
    brands.push(input.subarray(offset, offset + 4).toString('latin1'));
  }
  if (brands.includes('avif') || brands.includes('avis')) return false;
  return brands.some((brand) => ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx'].includes(brand));
}

function isHeicType(declaredType: string | undefined): boolean {
  return /^image\/(heic|heif)(-sequence)?\b/i.test(declaredType?.trim() ?? '');
}

import sharp from 'sharp';

// A photo already stripped of metadata (platform/images/photo.service.ts) can still be larger than a platform takes
// (Bluesky: 1,000,000 bytes). Made smaller step by step rather than refused: the agent chose the picture,
// not its size. Returns null when even the smallest step does not fit.
const SIDES = [2048, 1600, 1280, 1024, 800, 640];

interface Image {
  bytes: Buffer;
  contentType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

export async function fitImage(image: Image, maxBytes: number): Promise<Image | null> {
  if (image.bytes.length <= maxBytes) return image;
  for (const side of SIDES) {
    const pipeline = sharp(image.bytes).resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true });
    if (image.contentType === 'image/png') pipeline.png({ compressionLevel: 9, palette: true });
    else pipeline.jpeg({ quality: 80 });
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    if (data.length <= maxBytes) return { bytes: data, contentType: image.contentType, width: info.width, height: info.height };
  }
  return null;
}

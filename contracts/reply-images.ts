import { z } from 'zod';

// Images in a webcare reply. The composer sends the file as base64 in JSON (one schema-checked API like the
// rest; a reply image is small); the server decides the type from the bytes, not from what the browser says.
export const REPLY_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const REPLY_IMAGE_TYPES = ['image/png', 'image/jpeg'] as const;

export const replyImageUploadSchema = z.strictObject({
  data: z
    .base64('Stuur de afbeelding als base64')
    .min(1, 'Kies een afbeelding')
    .max(Math.ceil(REPLY_IMAGE_MAX_BYTES / 3) * 4, `Een afbeelding is hoogstens ${REPLY_IMAGE_MAX_BYTES / 1024 / 1024} MB`)
    .describe('De afbeelding (PNG of JPEG), base64'),
  filename: z.string().trim().max(200).optional().describe('De naam van het bestand, alleen ter herkenning'),
});

export const replyImageSchema = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  contentType: z.enum(REPLY_IMAGE_TYPES),
  width: z.number().int(),
  height: z.number().int(),
  sizeBytes: z.number().int(),
});
export type ReplyImage = z.infer<typeof replyImageSchema>;

export const replyImageParams = z.strictObject({ id: z.uuid(), imageId: z.uuid() });

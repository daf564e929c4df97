import { idParams } from '@contracts/common';
import { REPLY_IMAGE_MAX_BYTES, replyImageParams, replyImageSchema, replyImageUploadSchema } from '@contracts/reply-images';
import { type AppInstance, createServiceContext } from '@platform/http/app.server';
import { z } from 'zod';
import { getReplyImage, uploadReplyImage } from './reply-images.service';

export async function registerReplyImagesRoutes(app: AppInstance) {
  const tags = ['Reageren'];

  app.post(
    '/api/v1/conversations/:id/reply-images',
    {
      config: { permission: 'inbox.handle' },
      // base64 makes the file a third larger; a little room for the JSON around it.
      bodyLimit: Math.ceil(REPLY_IMAGE_MAX_BYTES / 3) * 4 + 4_096,
      schema: {
        tags,
        summary:
          'Voeg een afbeelding (PNG of JPEG) toe aan een antwoord in dit gesprek; het soort bestand volgt uit de inhoud, metagegevens (plaats, camera) worden verwijderd en de afbeelding wordt zo nodig verkleind voor het kanaal. Noem haar daarna met imageId en een alt-tekst in het antwoord',
        params: idParams,
        body: replyImageUploadSchema,
        response: { 201: replyImageSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await uploadReplyImage(createServiceContext(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/conversations/:id/reply-images/:imageId',
    {
      config: { permission: 'inbox.read' },
      schema: {
        tags,
        summary: 'Een afbeelding bij een antwoord in dit gesprek (voor wie het antwoord controleert)',
        params: replyImageParams,
        response: { 200: z.any().describe('De afbeelding') },
      },
    },
    async (request, reply) => {
      const image = await getReplyImage(createServiceContext(request), request.params.id, request.params.imageId);
      return reply.type(image.content_type).header('cache-control', 'private, max-age=3600').send(image.content);
    },
  );
}

import { CHANNEL_CAPABILITIES } from '@contracts/channel-limits';
import type { Channel } from '@contracts/channels';
import { REPLY_IMAGE_MAX_BYTES, type ReplyImage, type replyImageUploadSchema } from '@contracts/reply-images';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import { badRequest, notFound } from '@platform/http/http.errors';
import { PhotoError, processPhoto } from '@platform/images/photo.service';
import { assertCan } from '@platform/tenancy/policy.rules';
import type { z } from 'zod';
import { storeAttachment } from '../../channels/index';
import { findVisibleConversation } from '../conversation-access.service';
import { fitImage } from './fit-image.service';
import { findReplyImage, findReplyImageIds, insertReplyImage } from './reply-images.repository';

type Upload = z.infer<typeof replyImageUploadSchema>;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const refuse = (code: string, reason: string) => badRequest(code, reason, [{ name: 'data', code, reason }]);

// The bytes decide the type, not the file name or what the browser said.
function typeFromBytes(bytes: Buffer): 'image/png' | 'image/jpeg' | null {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

// An image for a reply in this conversation: PNG or JPEG, re-encoded without metadata (camera, place, name)
// exactly as a resident's melding photo, and made small enough for the conversation's channel.
export async function uploadReplyImage(ctx: ServiceContext, conversationId: string, input: Upload): Promise<ReplyImage> {
  assertCan(ctx.actor, 'inbox.handle');
  const conversation = await findVisibleConversation(ctx, conversationId);
  const capabilities = CHANNEL_CAPABILITIES[conversation.channel as Channel];
  if (!capabilities.media.inReplies) {
    throw refuse('afbeelding-niet-mogelijk', `Via ${capabilities.label} kan Plein geen afbeelding bij een antwoord meesturen.`);
  }
  const bytes = Buffer.from(input.data, 'base64');
  if (bytes.length > REPLY_IMAGE_MAX_BYTES)
    throw refuse('afbeelding-te-groot', `Deze afbeelding is te groot. Een afbeelding mag hoogstens ${REPLY_IMAGE_MAX_BYTES / 1024 / 1024} MB zijn.`);
  const declared = typeFromBytes(bytes);
  if (!declared) throw refuse('geen-png-of-jpeg', 'Dit bestand is geen PNG- of JPEG-afbeelding. Kies een PNG- of JPEG-bestand.');
  let photo: Awaited<ReturnType<typeof processPhoto>>;
  try {
    photo = await processPhoto(bytes, declared);
  } catch (error) {
    if (error instanceof PhotoError) throw refuse(`afbeelding-${error.code}`, error.message.replace(/foto/g, 'afbeelding').replace(/Foto/g, 'Afbeelding'));
    throw error;
  }
  const contentType = photo.contentType === 'image/png' ? 'image/png' : 'image/jpeg';
  const fitted = await fitImage({ bytes: photo.bytes, contentType, width: photo.width, height: photo.height }, capabilities.media.maxBytes);
  if (!fitted) throw refuse('afbeelding-te-groot', `Deze afbeelding past zelfs verkleind niet op ${capabilities.label}. Kies een kleinere afbeelding.`);
  const { width, height } = fitted;
  return runInTransaction(ctx, async (tx) => {
    const stored = await storeAttachment(tx.db, tx.actor.organisationId, {
      messageId: null,
      filename: `afbeelding.${fitted.contentType === 'image/png' ? 'png' : 'jpg'}`,
      contentType: fitted.contentType,
      bytes: fitted.bytes,
    });
    await insertReplyImage(tx.db, {
      organisation_id: tx.actor.organisationId,
      attachment_id: stored.id,
      conversation_id: conversation.id,
      uploaded_by: tx.actor.userId || null,
      width,
      height,
      created_at: tx.clock.now(),
    });
    return { id: stored.id, conversationId: conversation.id, contentType: fitted.contentType, width, height, sizeBytes: fitted.bytes.length };
  });
}

export async function getReplyImage(ctx: ServiceContext, conversationId: string, imageId: string) {
  assertCan(ctx.actor, 'inbox.read');
  const conversation = await findVisibleConversation(ctx, conversationId);
  const image = await findReplyImage(ctx.db, ctx.actor.organisationId, conversation.id, imageId);
  if (!image) throw notFound('De afbeelding');
  return image;
}

// A reply names its images by id: each must have been uploaded for this conversation. Returns what the
// outbox takes.
export async function replyMediaFor(ctx: ServiceContext, conversationId: string, media: { imageId: string; altText: string }[] = []) {
  const known = new Set(
    await findReplyImageIds(
      ctx.db,
      ctx.actor.organisationId,
      conversationId,
      media.map((item) => item.imageId),
    ),
  );
  return media.map((item, index) => {
    if (!known.has(item.imageId)) {
      throw badRequest('onbekende-afbeelding', 'Deze afbeelding hoort niet bij dit gesprek. Voeg haar opnieuw toe.', [
        { name: `media.${index}.imageId`, code: 'onbekend', reason: 'Upload de afbeelding opnieuw in dit gesprek.' },
      ]);
    }
    return { attachmentId: item.imageId, altText: item.altText };
  });
}

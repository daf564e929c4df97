import { hashSecret } from '@platform/auth/secrets.rules';
import type { Db } from '@platform/db/database.client';
import { badRequest } from '@platform/http/http.errors';
import { PhotoError, processPhoto } from '@platform/images/photo.service';
import { storeAttachment } from '../channels/index';
import { readFormSession } from './form-session.rules';
import { findPublicTarget } from './submit.service';

const EXTENSION = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;

// A resident's photo, before the melding exists: metadata stripped, the place it was taken offered back
// to the form (the resident decides whether to use it). A melding of the same form session claims it by id.
export async function uploadMeldingPhoto(
  db: Db,
  slug: string,
  cbsCode: string,
  upload: { body: Buffer; declaredType: string | undefined; formSession: string | string[] | undefined },
) {
  const formSession = readFormSession(upload.formSession);
  const { body, declaredType } = upload;
  const { organisation } = await findPublicTarget(db, slug, cbsCode);
  let photo: Awaited<ReturnType<typeof processPhoto>>;
  try {
    photo = await processPhoto(body, declaredType);
  } catch (error) {
    if (error instanceof PhotoError) throw badRequest(`foto-${error.code}`, error.message, [{ name: 'foto', code: error.code, reason: error.message }]);
    throw error;
  }
  const stored = await storeAttachment(db, organisation.id, {
    messageId: null,
    filename: `foto.${EXTENSION[photo.contentType]}`,
    contentType: photo.contentType,
    bytes: photo.bytes,
    uploadSessionHash: hashSecret(formSession),
  });
  return { photoId: stored.id, width: photo.width, height: photo.height, location: photo.location };
}

import { formSessionSchema } from '@contracts/meldingen';
import { badRequest } from '@platform/http/http.errors';

// The session a photo upload names in its Plein-Form-Session header; without one the photo could be claimed by anyone.
export function readFormSession(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  const parsed = formSessionSchema.safeParse(value);
  if (!parsed.success) {
    const reason = value === undefined ? 'Een foto hoort bij een formulier: stuur de formuliersessie mee.' : parsed.error.issues[0]!.message;
    throw badRequest('formuliersessie-ongeldig', reason, [{ name: 'Plein-Form-Session', code: value === undefined ? 'verplicht' : 'ongeldig', reason }]);
  }
  return parsed.data;
}

import type { NormalisedMessage } from './connector.types';

const isText = (value: unknown) => typeof value === 'string';
const isTextOrNull = (value: unknown) => value === null || value === undefined || typeof value === 'string';
const isTextList = (value: unknown) => Array.isArray(value) && value.every(isText);

// What is wrong with a message a connector made from a platform's answer, or null when it can be stored. A connector
// reads documented formats, but a platform (or someone with its signing key) can send anything: an object where the
// text belongs, no id, a time that is no time. Such a message is set aside with this reason instead of failing the
// batch it came in.
export function findMalformedField(message: NormalisedMessage): string | null {
  if (typeof message !== 'object' || message === null) return 'geen bericht';
  if (!isText(message.platformId) || message.platformId.length === 0) return 'platformId ontbreekt of is geen tekst';
  if (!isText(message.text)) return 'text is geen tekst';
  if (!isTextOrNull(message.subject)) return 'subject is geen tekst';
  const author = message.author as Partial<NormalisedMessage['author']> | null;
  if (typeof author !== 'object' || author === null || !isText(author.id) || !isText(author.handle)) return 'auteur ontbreekt of is onvolledig';
  if (!isTextOrNull(author.displayName)) return 'auteursnaam is geen tekst';
  if (author.followers !== null && author.followers !== undefined && !Number.isFinite(author.followers)) return 'volgers is geen getal';
  if (!(message.postedAt instanceof Date) || Number.isNaN(message.postedAt.getTime())) return 'postedAt is geen tijdstip';
  if (message.direction !== undefined && message.direction !== 'in' && message.direction !== 'uit') return 'richting is niet in of uit';
  if (message.visibility !== 'openbaar' && message.visibility !== 'prive') return 'zichtbaarheid is niet openbaar of prive';
  if (!Array.isArray(message.media)) return 'media is geen lijst';
  if (!isTextList(message.links) || !isTextList(message.mentions) || !isTextList(message.hashtags))
    return 'links, vermeldingen of hashtags zijn geen lijst van teksten';
  if (!isTextOrNull(message.replyToPlatformId) || !isTextOrNull(message.threadRootPlatformId)) return 'verwijzing naar een ander bericht is geen tekst';
  if (!isTextOrNull(message.language) || !isTextOrNull(message.publicUrl)) return 'taal of adres is geen tekst';
  if (message.geo !== null && message.geo !== undefined && !(Number.isFinite(message.geo.lat) && Number.isFinite(message.geo.lon)))
    return 'plaats is geen coördinaat';
  return null;
}

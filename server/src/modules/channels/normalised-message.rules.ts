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
  if (!isText(message.platformId) || message.platformId.length === 0) return 'het id van het platform ontbreekt of is geen tekst';
  if (!isText(message.text)) return 'de tekst van het bericht ontbreekt';
  if (!isTextOrNull(message.subject)) return 'het onderwerp is geen tekst';
  const author = message.author as Partial<NormalisedMessage['author']> | null;
  if (typeof author !== 'object' || author === null || !isText(author.id) || !isText(author.handle)) return 'de afzender ontbreekt of is onvolledig';
  if (!isTextOrNull(author.displayName)) return 'de naam van de afzender is geen tekst';
  if (author.followers !== null && author.followers !== undefined && !Number.isFinite(author.followers)) return 'het aantal volgers is geen getal';
  if (!(message.postedAt instanceof Date) || Number.isNaN(message.postedAt.getTime())) return 'het tijdstip van plaatsen is geen tijdstip';
  if (message.direction !== undefined && message.direction !== 'in' && message.direction !== 'uit') return 'de richting is niet in of uit';
  if (message.visibility !== 'openbaar' && message.visibility !== 'prive') return 'de zichtbaarheid is niet openbaar of privé';
  if (!Array.isArray(message.media)) return 'de bijlagen zijn geen lijst';
  if (!isTextList(message.links) || !isTextList(message.mentions) || !isTextList(message.hashtags))
    return 'links, vermeldingen of hashtags zijn geen lijst van teksten';
  if (!isTextOrNull(message.replyToPlatformId) || !isTextOrNull(message.threadRootPlatformId)) return 'de verwijzing naar een ander bericht is geen tekst';
  if (!isTextOrNull(message.language) || !isTextOrNull(message.publicUrl)) return 'de taal of het adres is geen tekst';
  if (message.geo !== null && message.geo !== undefined && !(Number.isFinite(message.geo.lat) && Number.isFinite(message.geo.lon)))
    return 'de plaats is geen coördinaat';
  return null;
}

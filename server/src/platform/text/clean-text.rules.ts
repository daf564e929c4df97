// Text that PostgreSQL cannot store or that no person typed: the NUL character (U+0000; PostgreSQL's text and jsonb
// refuse it, and one in a batch failed the whole batch) and lone UTF-16 surrogates (half of a character, which is
// not valid Unicode). Residents' input with either is refused with a Dutch 400; a platform's text is cleaned where it
// is stored, since the platform will not send it differently.

// biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL character is exactly what this looks for
const NUL = /\u0000/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// One non-global pattern for the check: no lastIndex to reset, one pass over the text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL character is exactly what this looks for
const UNCLEAN = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isCleanText(text: string): boolean {
  return !UNCLEAN.test(text);
}

// Deeper than this, a platform's document (a webhook's raw payload) is not walked further: a value nested thousands
// of levels would exhaust the stack. hasUncleanText calls it unclean, so cleanText drops what lies below.
const MAX_DEPTH = 100;

// Whether anything in a value (strings, keys, nested objects and arrays) is unclean. The ingest path asks this of
// every stored message, so it builds no paths, unlike findUncleanText.
export function hasUncleanText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return UNCLEAN.test(value);
  if (depth > MAX_DEPTH) return value !== null && typeof value === 'object';
  if (Array.isArray(value)) return value.some((item) => hasUncleanText(item, depth + 1));
  if (value && typeof value === 'object' && !Buffer.isBuffer(value) && !(value instanceof Date)) {
    for (const key in value) {
      if (UNCLEAN.test(key) || hasUncleanText((value as Record<string, unknown>)[key], depth + 1)) return true;
    }
  }
  return false;
}

// The path of the first string (as a key or a value) that is not clean text, e.g. "address" or "answers.0", or null.
export function findUncleanText(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return isCleanText(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUncleanText(item, path ? `${path}.${index}` : String(index));
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      if (!isCleanText(key)) return here;
      const found = findUncleanText(item, here);
      if (found !== null) return found;
    }
  }
  return null;
}

// A platform's text as it can be stored: NUL removed, lone surrogates replaced by U+FFFD (what a decoder shows for a
// broken character). Objects and arrays are cleaned all the way down, keys included; other values stay as they are.
export function cleanText<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return value.replace(NUL, '').replace(LONE_SURROGATE, '\uFFFD') as T;
  if (depth > MAX_DEPTH && value !== null && typeof value === 'object' && !(value instanceof Date)) return null as T;
  if (Array.isArray(value)) return value.map((item) => cleanText(item, depth + 1)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [cleanText(key), cleanText(item, depth + 1)])) as T;
  }
  return value;
}

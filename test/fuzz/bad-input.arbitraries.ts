import fc from 'fast-check';

// What an attacker, a broken client app or a confused platform sends: text PostgreSQL cannot hold (NUL, half a
// surrogate pair), text that tries to be code, numbers no field expects, the wrong shape, and sheer size.
const nastyText = fc.constantFrom(
  '\u0000',
  'Lantaarnpaal\u0000 kapot',
  '\uD800',
  'half \uDFFF teken',
  '%00',
  '%ZZ',
  '../../../../etc/passwd',
  "'; DROP TABLE meldingen; --",
  '<script>alert(1)</script>',
  '{{7*7}}${7*7}',
  '\u202Egnidlem',
  '\uFEFF',
  '𝕏🏳️‍🌈👨‍👩‍👧',
  '   ',
  '',
  'null',
  'NaN',
  '-1',
  '1e309',
  '0x7fffffff',
  '00000000-0000-0000-0000-000000000000',
  'GM0000',
  'GM9999',
  'a@b',
  'x'.repeat(70_000),
);

export const hostileText = fc.oneof(
  { weight: 3, arbitrary: nastyText },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 5_001, maxLength: 12_000 }) },
);

const hostileNumber = fc.oneof(
  fc.constantFrom(1e300, -1e300, 2 ** 53 + 1, -0, 0, -1, 0.5, 91, -181, 1e21, Number.MAX_SAFE_INTEGER),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom([null, 1, 'x', []], [{}], { $ne: null }, { toString: 'x' }, JSON.parse('{"__proto__":{"admin":true}}')) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }) },
);

type Json = unknown;

// Every place in a document (the whole, each key, each element), so a change can go anywhere in a nested payload.
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) paths.push(...pathsOf(item, [...prefix, index]));
  } else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

function setAt(value: Json, path: (string | number)[], replacement: Json | typeof REMOVE): Json {
  if (path.length === 0) return replacement === REMOVE ? undefined : replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && replacement === REMOVE) copy.splice(Number(head), 1);
    else copy[Number(head)] = setAt(copy[Number(head)], rest, replacement);
    return copy;
  }
  const copy = { ...(value as Record<string, Json>) };
  if (rest.length === 0 && replacement === REMOVE) delete copy[head as string];
  else copy[head as string] = setAt(copy[head as string], rest, replacement);
  return copy;
}

const REMOVE = Symbol('verwijderen');

// A valid document with one to three things wrong: a value replaced by something hostile, a key removed or one added.
export function mutateDocument(valid: Json): fc.Arbitrary<Json> {
  const paths = pathsOf(valid);
  const change = fc.tuple(
    fc.nat({ max: paths.length - 1 }),
    fc.oneof({ weight: 5, arbitrary: hostileValue }, { weight: 1, arbitrary: fc.constant<typeof REMOVE>(REMOVE) }),
  );
  const extraKey = fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), hostileValue), { freq: 5 });
  return fc.tuple(fc.array(change, { minLength: 1, maxLength: 3 }), extraKey).map(([changes, extra]) => {
    let document = valid;
    for (const [index, replacement] of changes) document = setAt(document, paths[index]!, replacement);
    if (extra && document && typeof document === 'object' && !Array.isArray(document)) document = { ...document, [extra[0]]: extra[1] };
    return document;
  });
}

// A body as bytes on the wire: mostly JSON of a mutated document, sometimes something that is not JSON at all.
export interface WireBody {
  contentType: string | undefined;
  payload: string | Buffer | undefined;
}

export function hostileBody(valid: Json): fc.Arbitrary<WireBody> {
  const json = (document: Json): WireBody => ({ contentType: 'application/json', payload: JSON.stringify(document) ?? '' });
  return fc.oneof(
    { weight: 12, arbitrary: mutateDocument(valid).map(json) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map(json) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom('{', '{"a":', '[', 'null', '"tekst"', '{"a":1}{"b":2}', '\u0000', '{"__proto__":{"x":1}}', `${'['.repeat(5_000)}${']'.repeat(5_000)}`, '')
        .map((payload) => ({ contentType: 'application/json', payload })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', undefined),
          fc.uint8Array({ maxLength: 200 }),
        )
        .map(([contentType, bytes]) => ({ contentType, payload: Buffer.from(bytes) })),
    },
  );
}

// A query string from valid parameters with some replaced, removed or repeated, and unknown ones added.
export function hostileQuery(valid: Record<string, string>): fc.Arbitrary<string> {
  const text = hostileText.map((value) => value.slice(0, 2_000));
  return fc
    .tuple(fc.subarray(Object.keys(valid)), fc.dictionary(fc.constantFrom(...Object.keys(valid), 'page', 'page_size', 'x'), text, { maxKeys: 3 }), fc.boolean())
    .map(([kept, replaced, repeat]) => {
      const query = new URLSearchParams();
      for (const key of kept) query.append(key, valid[key]!);
      for (const [key, value] of Object.entries(replaced)) query.append(key, value);
      if (repeat && kept[0]) query.append(kept[0], valid[kept[0]]!);
      return query.toString();
    });
}

// Percent-encodes the UTF-8 bytes of any text, lone surrogates included (encodeURIComponent throws on those).
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => (/[A-Za-z0-9._~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

// A path segment: mostly a valid one, otherwise something hostile, percent-encoded or raw where it still parses.
export function hostileSegment(valid: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...valid).map(percentEncode) },
    { weight: 3, arbitrary: hostileText.map((value) => percentEncode(value.slice(0, 3_000))) },
    { weight: 1, arbitrary: fc.constantFrom('%00', '%ZZ', '%C0%AF', '..', '%2e%2e', '%2F', '%E2%80%AE') },
  );
}

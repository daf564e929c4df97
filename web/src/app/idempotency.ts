// A public form sends an Idempotency-Key with its POST, so that a retry (a dropped connection on a phone, a second
// tap) gets the first answer back instead of filing twice. The same content keeps its key; changed content is a new
// request and gets a new one (the server refuses one key for two contents).

// 128 random bits as hex: crypto.getRandomValues works outside secure contexts too, unlike crypto.randomUUID.
export function generateRandomKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function createKeyPerContent(): (body: unknown) => string {
  let last: { content: string; key: string } | undefined;
  return (body) => {
    const content = JSON.stringify(body);
    if (last?.content !== content) last = { content, key: generateRandomKey() };
    return last.key;
  };
}

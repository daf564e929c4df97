import { describe, expect, it } from 'vitest';
import { createKeyPerContent, generateRandomKey } from './idempotency';

describe('createKeyPerContent', () => {
  it('houdt de sleutel voor dezelfde inhoud en maakt een nieuwe voor andere inhoud', () => {
    const keyFor = createKeyPerContent();
    const first = keyFor({ description: 'Losse stoeptegel', lat: 52.5 });
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(keyFor({ description: 'Losse stoeptegel', lat: 52.5 })).toBe(first);
    const changed = keyFor({ description: 'Losse stoeptegels', lat: 52.5 });
    expect(changed).not.toBe(first);
    expect(keyFor({ description: 'Losse stoeptegel', lat: 52.5 })).not.toBe(first);
  });

  it('geeft elk formulier zijn eigen sleutels', () => {
    expect(createKeyPerContent()({ a: 1 })).not.toBe(createKeyPerContent()({ a: 1 }));
    expect(new Set(Array.from({ length: 100 }, generateRandomKey)).size).toBe(100);
  });
});

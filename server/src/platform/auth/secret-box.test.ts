import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.service';
import { openSecret, SecretBoxError, sealSecret } from './secret-box.rules';

describe('secret-box', () => {
  const key = randomBytes(32);

  it('opent wat het verzegelde, en elke keer met een andere ciphertext', () => {
    const a = sealSecret(key, 'geheim', 'org-1');
    const b = sealSecret(key, 'geheim', 'org-1');
    expect(a).not.toBe(b);
    expect(openSecret(key, a, 'org-1')).toBe('geheim');
  });

  it('weigert een andere context, een andere sleutel of een gewijzigde waarde', () => {
    const sealed = sealSecret(key, 'geheim', 'org-1');
    expect(() => openSecret(key, sealed, 'org-2')).toThrow(SecretBoxError);
    expect(() => openSecret(randomBytes(32), sealed, 'org-1')).toThrow(SecretBoxError);
    const [version, iv, tag, body = ''] = sealed.split('.');
    const flipped = `${body.slice(0, -2)}${body.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(() => openSecret(key, [version, iv, tag, flipped].join('.'), 'org-1')).toThrow(SecretBoxError);
    expect(() => openSecret(key, 'platte-tekst', 'org-1')).toThrow(SecretBoxError);
  });
});

describe('PLEIN_SECRET_KEY', () => {
  it('accepteert 32 bytes als hex of base64 en weigert de rest bij het starten', () => {
    const bytes = randomBytes(32);
    expect(loadConfig({ PLEIN_SECRET_KEY: bytes.toString('hex') }).secretKey?.equals(bytes)).toBe(true);
    expect(loadConfig({ PLEIN_SECRET_KEY: bytes.toString('base64') }).secretKey?.equals(bytes)).toBe(true);
    expect(loadConfig({}).secretKey).toBeUndefined();
    expect(() => loadConfig({ PLEIN_SECRET_KEY: 'te-kort' })).toThrow(ConfigError);
    expect(() => loadConfig({ PLEIN_SECRET_KEY: randomBytes(16).toString('hex') })).toThrow(/PLEIN_SECRET_KEY/);
  });
});

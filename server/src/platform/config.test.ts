import { expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.service';

it('leest standaardwaarden', () => {
  const config = loadConfig({});
  expect(config).toMatchObject({ port: 8080, dataDir: './data', demo: true, publicUrl: 'http://localhost:8080', secureCookies: false });
  expect(config.databaseUrl).toBeUndefined();
});

it('behandelt een lege variabele als niet gezet en zet veilige cookies aan bij https', () => {
  const config = loadConfig({ DATABASE_URL: '', PUBLIC_URL: 'https://plein.gemeente.nl/', PLEIN_DEMO: '0' });
  expect(config.databaseUrl).toBeUndefined();
  expect(config.publicUrl).toBe('https://plein.gemeente.nl');
  expect(config.secureCookies).toBe(true);
  expect(config.demo).toBe(false);
});

it('stopt met een Nederlandse melding die de variabele noemt', () => {
  expect(() => loadConfig({ PORT: 'tachtig' })).toThrow(ConfigError);
  expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: moet beginnen met postgres/);
  expect(() => loadConfig({ PLEIN_DEMO: 'misschien' })).toThrow(/PLEIN_DEMO/);
  expect(() => loadConfig({ PLEIN_CONTACT_EMAIL: 'geen adres' })).toThrow(/PLEIN_CONTACT_EMAIL/);
});

it('vertrouwt X-Forwarded-For alleen van ingestelde proxies', () => {
  expect(loadConfig({}).trustProxy).toBe(false);
  expect(loadConfig({ PLEIN_TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
  expect(() => loadConfig({ PLEIN_TRUST_PROXY: 'iedereen' })).toThrow(/PLEIN_TRUST_PROXY/);
});

it('draait zoveel taaklussen als PLEIN_WORKERS zegt, ook met de oude waarden true en false', () => {
  expect(loadConfig({}).workers).toBe(1);
  expect(loadConfig({ PLEIN_WORKERS: '0' }).workers).toBe(0);
  expect(loadConfig({ PLEIN_WORKERS: 'true' }).workers).toBe(1);
  expect(loadConfig({ PLEIN_WORKERS: 'false' }).workers).toBe(0);
  expect(loadConfig({ PLEIN_WORKERS: '2' }).workers).toBe(2);
  expect(() => loadConfig({ PLEIN_WORKERS: '17' })).toThrow(/PLEIN_WORKERS.*0 tot en met 16/);
  expect(() => loadConfig({ PLEIN_WORKERS: 'veel' })).toThrow(/PLEIN_WORKERS/);
});

import { chmodSync, existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.service';
import { withEmbeddedSecretKey } from './embedded-secret-key.service';

const freshDataDir = () => join(mkdtempSync(join(tmpdir(), 'plein-sleutel-')), 'data');

describe('de eigen sleutel van de ingebouwde database', () => {
  it('maakt bij de eerste start een sleutel in de datamap, alleen leesbaar voor de eigenaar, en zegt dat één keer', () => {
    const dataDir = freshDataDir();
    const said: string[] = [];
    const first = withEmbeddedSecretKey(loadConfig({ PLEIN_DATA_DIR: dataDir }), (line) => said.push(line));
    expect(first.secretKey).toHaveLength(32);
    const file = join(dataDir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('back-up');

    const again = withEmbeddedSecretKey(loadConfig({ PLEIN_DATA_DIR: dataDir }), (line) => said.push(line));
    expect(again.secretKey?.equals(first.secretKey!)).toBe(true);
    expect(said).toHaveLength(1);
  });

  it('maakt een te ruim leesbare sleutel weer privé, en weigert een beschadigde met uitleg', () => {
    const dataDir = freshDataDir();
    withEmbeddedSecretKey(loadConfig({ PLEIN_DATA_DIR: dataDir }), () => undefined);
    const file = join(dataDir, 'secret.key');
    chmodSync(file, 0o644);
    withEmbeddedSecretKey(loadConfig({ PLEIN_DATA_DIR: dataDir }), () => undefined);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    writeFileSync(file, 'geen sleutel\n');
    expect(() => withEmbeddedSecretKey(loadConfig({ PLEIN_DATA_DIR: dataDir }), () => undefined)).toThrow(ConfigError);
  });

  it('laat PostgreSQL en een ingestelde PLEIN_SECRET_KEY met rust: geen bestand', () => {
    const dataDir = freshDataDir();
    const onPostgres = withEmbeddedSecretKey(loadConfig({ PLEIN_DATA_DIR: dataDir, DATABASE_URL: 'postgres://localhost/plein' }), () => undefined);
    expect(onPostgres.secretKey).toBeUndefined();
    const key = Buffer.alloc(32, 7).toString('base64');
    const set = withEmbeddedSecretKey(loadConfig({ PLEIN_DATA_DIR: dataDir, PLEIN_SECRET_KEY: key }), () => undefined);
    expect(set.secretKey?.toString('base64')).toBe(key);
    expect(existsSync(join(dataDir, 'secret.key'))).toBe(false);
  });
});

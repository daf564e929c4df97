import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Config, ConfigError, decodeSecretKey } from '../config.service';

export const EMBEDDED_SECRET_KEY_FILE = 'secret.key';

// On the embedded database Plein keeps its own secret key beside the data (data/secret.key, readable by its owner
// only), so the first command can connect a channel without anyone setting PLEIN_SECRET_KEY. A copy of the data
// folder is then a complete backup: the sealed tokens and the key that opens them. PostgreSQL installations keep the
// key out of the database's reach and must set PLEIN_SECRET_KEY; so does anyone who sets it anyway.
export function withEmbeddedSecretKey(config: Config, say: (line: string) => void): Config {
  if (config.secretKey || config.databaseUrl) return config;
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const path = join(config.dataDir, EMBEDDED_SECRET_KEY_FILE);
  const existing = readKey(path);
  if (existing) return { ...config, secretKey: existing };
  try {
    writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    say(
      `Plein heeft een geheime sleutel gemaakt in ${path} (alleen leesbaar voor deze gebruiker). Hij opent de opgeslagen tokens van kanalen: ` +
        'bewaar hem met de rest van de datamap in de back-up.',
    );
  } catch (error) {
    // Another process (the CLI beside a starting server) made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const created = readKey(path);
  if (!created) throw new ConfigError(`${path} bevat geen geldige sleutel.`);
  return { ...config, secretKey: created };
}

function readKey(path: string): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const key = decodeSecretKey(text.trim());
  if (!key) {
    throw new ConfigError(
      `${path} bevat geen geldige sleutel (32 bytes, base64 of hexadecimaal). Zet de oorspronkelijke terug uit de back-up; een nieuwe opent de opgeslagen tokens niet.`,
    );
  }
  // A key others on the machine can read is no secret: tighten it, as ssh does with its keys.
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  return key;
}

import { z } from 'zod';
import { parseOutboundRange } from './http/outbound.client';

// Read once at start-up; a bad value stops the process with a message that names the variable.
const booleanFlag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.string().url().optional(),
  PLEIN_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'moet beginnen met postgres:// of postgresql://')
    .optional(),
  PLEIN_DEMO: booleanFlag.default(true),
  // How many job loops this process runs: 0 (a web-only process), 1, or more side by side (on PostgreSQL).
  PLEIN_WORKERS: z
    .string()
    .regex(/^(true|false|[0-9]|1[0-6])$/, 'moet een aantal van 0 tot en met 16 zijn (of true/false)')
    .default('1')
    .transform((value) => (value === 'true' ? 1 : value === 'false' ? 0 : Number(value))),
  PLEIN_BODY_LIMIT: z.coerce.number().int().positive().default(1_048_576),
  // A client has this long to send its whole request, headers and body: one that sends a few bytes and then nothing
  // no longer holds a connection for ever.
  PLEIN_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  // Open connections from one client address at a time; 0 switches the cap off. Not applied behind a trusted proxy:
  // there every connection comes from the proxy, which should cap per client itself.
  PLEIN_MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(0).default(256),
  // Only behind a known proxy may X-Forwarded-For decide the client address (audit log, rate limits).
  PLEIN_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/, "gebruik true, false of IP-adressen/CIDR-blokken van de proxies, gescheiden door komma's")
    .default('false'),
  // Private address ranges Plein may connect to for what a tenant configures (feeds, Mastodon, mail servers, OpenID
  // providers), comma-separated CIDR blocks: by default only public addresses, so a beheerder cannot reach the
  // installation's own network.
  PLEIN_OUTBOUND_ALLOW: z
    .string()
    .refine(
      (value) => value.split(',').every((part) => parseOutboundRange(part.trim()) !== null),
      "gebruik IP-adressen of CIDR-blokken, gescheiden door komma's (bijvoorbeeld 10.1.2.0/24)",
    )
    .optional(),
  // Prometheus scrapes /metrics with this bearer token; without one /metrics is off (it tells about the installation's use).
  PLEIN_METRICS_TOKEN: z.string().trim().min(16, 'moet minstens 16 tekens lang zijn').optional(),
  PLEIN_SECURE_COOKIES: booleanFlag.optional(),
  PLEIN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'moet beginnen met smtp:// of smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Plein <noreply@plein.local>'),
  // Where people report problems with Plein itself (accessibility statement); the operator's address.
  PLEIN_CONTACT_EMAIL: z.email('moet een e-mailadres zijn').optional(),
  // The map and address search of the public melding form; PDOK (Kadaster) by default, both free of charge.
  PLEIN_MAP_TILES_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/, 'moet een XYZ-sjabloon zijn zoals https://…/{z}/{x}/{y}.png')
    .default('https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png'),
  PLEIN_MAP_ATTRIBUTION: z.string().max(300).default('Kaartgegevens © Kadaster'),
  // How long Plein waits for a platform's answer (connect, headers and body) before it tries again later.
  PLEIN_PLATFORM_TIMEOUT_SECONDS: z.coerce.number().int('moet een heel aantal seconden zijn').min(1).max(300).default(15),
  PLEIN_GEOCODER_URL: z.url({ protocol: /^https?$/, error: 'moet een http(s)-adres zijn' }).default('https://api.pdok.nl/bzk/locatieserver/search/v3_1/free'),
  PLEIN_SECRET_KEY: z
    .string()
    .optional()
    .refine(
      (value) => value === undefined || decodeSecretKey(value) !== null,
      'moet 32 willekeurige bytes zijn, als 64 hexadecimale tekens of base64 (maak er een met: openssl rand -base64 32)',
    ),
  // Keys used before a rotation, comma-separated: secrets sealed with them still open until
  // "plein secrets rotate" has sealed them again with PLEIN_SECRET_KEY.
  PLEIN_SECRET_KEY_PREVIOUS: z
    .string()
    .optional()
    .refine(
      (value) => value === undefined || value.split(',').every((key) => decodeSecretKey(key) !== null),
      "moet een of meer sleutels van 32 bytes zijn, gescheiden door komma's",
    ),
});

// Encrypts secrets stored in the database (e.g. OpenID client secrets). Taken from the environment, not
// generated into the data dir: several processes on one PostgreSQL must share it, and a key lying next to
// the database would not protect a copied database.
export function decodeSecretKey(value: string): Buffer | null {
  const trimmed = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed, 'base64');
  return key.length === 32 ? key : null;
}

export type Config = {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl?: string;
  demo: boolean;
  workers: number;
  bodyLimit: number;
  requestTimeoutMs: number;
  maxConnectionsPerAddress: number;
  metricsToken?: string;
  trustProxy: boolean | string[];
  outboundAllow: string[];
  secureCookies: boolean;
  logLevel: z.infer<typeof configSchema>['PLEIN_LOG_LEVEL'];
  smtpUrl?: string;
  mailFrom: string;
  contactEmail: string | null;
  mapTilesUrl: string;
  mapAttribution: string;
  geocoderUrl: string;
  platformTimeoutMs: number;
  secretKey?: Buffer;
  previousSecretKeys: Buffer[];
};

export class ConfigError extends Error {}

function parseTrustProxy(value: string): boolean | string[] {
  if (value === 'true' || value === 'false') return value === 'true';
  return value.split(',');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (DATABASE_URL= in a shell or a compose file) means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Ongeldige configuratie:\n${lines.join('\n')}`);
  }
  const v = parsed.data;
  const publicUrl = v.PUBLIC_URL ?? `http://localhost:${v.PORT}`;
  return {
    port: v.PORT,
    host: v.HOST,
    publicUrl: publicUrl.replace(/\/$/, ''),
    dataDir: v.PLEIN_DATA_DIR,
    databaseUrl: v.DATABASE_URL,
    demo: v.PLEIN_DEMO,
    workers: v.PLEIN_WORKERS,
    bodyLimit: v.PLEIN_BODY_LIMIT,
    requestTimeoutMs: v.PLEIN_REQUEST_TIMEOUT_MS,
    maxConnectionsPerAddress: v.PLEIN_MAX_CONNECTIONS_PER_ADDRESS,
    metricsToken: v.PLEIN_METRICS_TOKEN,
    trustProxy: parseTrustProxy(v.PLEIN_TRUST_PROXY),
    outboundAllow: (v.PLEIN_OUTBOUND_ALLOW?.split(',') ?? []).map((part) => parseOutboundRange(part.trim())!),
    secureCookies: v.PLEIN_SECURE_COOKIES ?? publicUrl.startsWith('https://'),
    logLevel: v.PLEIN_LOG_LEVEL,
    smtpUrl: v.SMTP_URL,
    mailFrom: v.MAIL_FROM,
    contactEmail: v.PLEIN_CONTACT_EMAIL ?? null,
    mapTilesUrl: v.PLEIN_MAP_TILES_URL,
    mapAttribution: v.PLEIN_MAP_ATTRIBUTION,
    geocoderUrl: v.PLEIN_GEOCODER_URL,
    platformTimeoutMs: v.PLEIN_PLATFORM_TIMEOUT_SECONDS * 1000,
    secretKey: v.PLEIN_SECRET_KEY === undefined ? undefined : (decodeSecretKey(v.PLEIN_SECRET_KEY) ?? undefined),
    previousSecretKeys: (v.PLEIN_SECRET_KEY_PREVIOUS?.split(',') ?? []).map((key) => decodeSecretKey(key)!),
  };
}

import { z } from 'zod';

// Read once at start-up; a bad value stops the process with a message that names the variable.
const booleanFlag = z
  .enum(['0', '1', 'true', 'false'])
  .transform((value) => value === '1' || value === 'true');

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
  PLEIN_WORKERS: booleanFlag.default(true),
  PLEIN_BODY_LIMIT: z.coerce.number().int().positive().default(1_048_576),
  PLEIN_SECURE_COOKIES: booleanFlag.optional(),
  PLEIN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'moet beginnen met smtp:// of smtps://').optional(),
  MAIL_FROM: z.string().default('Plein <noreply@plein.local>'),
});

export type Config = {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl?: string;
  demo: boolean;
  workers: boolean;
  bodyLimit: number;
  secureCookies: boolean;
  logLevel: z.infer<typeof configSchema>['PLEIN_LOG_LEVEL'];
  smtpUrl?: string;
  mailFrom: string;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
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
    secureCookies: v.PLEIN_SECURE_COOKIES ?? publicUrl.startsWith('https://'),
    logLevel: v.PLEIN_LOG_LEVEL,
    smtpUrl: v.SMTP_URL,
    mailFrom: v.MAIL_FROM,
  };
}

import type { LoggerOptions } from 'pino';

// Personal data never reaches the logs: credentials, e-mail addresses, names and phone numbers are censored.
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.email',
  '*.password',
  '*.name',
  '*.phone',
  '*.token',
  'email',
  'password',
  'name',
  'phone',
  'token',
  'body',
];

export function buildLoggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[verborgen]' },
    serializers: {
      req: (request: { method: string; url: string; id: string }) => ({
        method: request.method,
        // Query strings can carry e-mail addresses or tokens.
        url: request.url.split('?')[0],
        id: request.id,
      }),
    },
  };
}

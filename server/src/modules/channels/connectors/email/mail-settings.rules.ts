import type { ImapFlowOptions } from 'imapflow';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { ChannelError, type ConnectorAccount } from '../../connector.types';

// PLEIN_PLATFORM_TIMEOUT_SECONDS (deps.timeoutMs) bounds how long a mail server may stay silent: before its greeting
// and between two parts of an answer. Data that keeps coming (a large FETCH) is no silence.
const DEFAULT_TIMEOUT_MS = 30_000;

// Settings arrive from the form as strings, from the CLI or API as numbers and booleans.
function flag(value: unknown): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  return !['false', '0', 'nee', 'no', 'uit', 'off'].includes(String(value).trim().toLowerCase());
}

function port(value: unknown, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 && parsed < 65_536 ? parsed : fallback;
}

function credentials(account: ConnectorAccount) {
  const pass = account.secrets.password;
  if (!pass) throw new ChannelError('auth', 'Er is geen wachtwoord voor deze postbus opgeslagen.');
  return { user: String(account.settings.username || account.handle), pass };
}

// TLS unless an account explicitly says otherwise (only sensible for a server on the same machine):
// implicit TLS on the well-known TLS ports, STARTTLS that must succeed on any other port.
// `address` is where to connect (the checked address of the host); TLS still verifies the host's name.
export function buildImapOptions(account: ConnectorAccount, address?: string, timeoutMs = DEFAULT_TIMEOUT_MS): ImapFlowOptions {
  const imapPort = port(account.settings.imapPort, 993);
  const tls = flag(account.settings.imapSecure) ?? true;
  const host = String(account.settings.imapHost);
  return {
    host: address ?? host,
    ...(address && address !== host && { servername: host }),
    port: imapPort,
    secure: tls && imapPort === 993,
    doSTARTTLS: tls && imapPort !== 993,
    auth: credentials(account),
    logger: false,
    // Plein polls; it never waits in IDLE between jobs.
    disableAutoIdle: true,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  };
}

export function buildSmtpOptions(account: ConnectorAccount, address?: string, timeoutMs = DEFAULT_TIMEOUT_MS): SMTPTransport.Options {
  const smtpPort = port(account.settings.smtpPort, 587);
  const tls = flag(account.settings.smtpSecure) ?? true;
  const host = String(account.settings.smtpHost);
  return {
    host: address ?? host,
    ...(address && address !== host && { tls: { servername: host } }),
    port: smtpPort,
    secure: tls && smtpPort === 465,
    requireTLS: tls && smtpPort !== 465,
    ignoreTLS: !tls,
    auth: credentials(account),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  };
}

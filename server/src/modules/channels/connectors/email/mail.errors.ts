import { ChannelError } from '../../connector.types';

const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  // imapflow
  'CONNECT_TIMEOUT',
  'GREETING_TIMEOUT',
  'UPGRADE_TIMEOUT',
  'ETIMEOUT',
  'NoConnection',
  'EConnectionClosed',
  'ClosedAfterConnectText',
  'ClosedAfterConnectTLS',
  'ETHROTTLE',
  // nodemailer
  'ECONNECTION',
  'ESOCKET',
  'EDNS',
]);

interface MailFailure {
  code?: string;
  authenticationFailed?: boolean;
  tlsFailed?: boolean;
  responseCode?: number;
  serverResponseCode?: string;
  responseText?: string;
  message?: string;
}

// What an IMAP or SMTP failure means for Plein: a refused password needs a person, a network hiccup
// or a 4xx reply heals by itself, a refused recipient or a broken TLS setup does not.
export function classifyMailError(error: unknown, server: 'IMAP' | 'SMTP'): ChannelError {
  if (error instanceof ChannelError) return error;
  const failure = (error ?? {}) as MailFailure;
  const detail = failure.responseText || failure.message || String(error);
  const code = failure.code ?? '';
  if (failure.authenticationFailed || code === 'EAUTH' || failure.serverResponseCode === 'AUTHENTICATIONFAILED' || failure.responseCode === 535) {
    return new ChannelError('auth', `De ${server}-server weigert de gebruikersnaam of het wachtwoord (${detail}).`);
  }
  if (failure.tlsFailed || code === 'ETLS' || code.startsWith('ERR_TLS') || code.includes('CERT')) {
    return new ChannelError('permanent', `Geen veilige verbinding met de ${server}-server mogelijk (${detail}).`);
  }
  if (NETWORK.has(code)) return new ChannelError('transient', `De ${server}-server is niet bereikbaar (${detail}).`);
  if (failure.responseCode && failure.responseCode >= 500) return new ChannelError('permanent', `De ${server}-server weigert het bericht (${detail}).`);
  return new ChannelError('transient', `Fout bij de ${server}-server (${detail}).`);
}

import { ChannelError } from '../../connector.types';

// The network failures of IMAP (imapflow) and SMTP (nodemailer), by what they mean for whoever reads the account's
// error: the server could not be reached, it did not answer in time, or it broke the connection off.
const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND', 'EDNS', 'CONNECT_TIMEOUT', 'NoConnection']);
const TOO_SLOW = new Set(['ETIMEDOUT', 'ETIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);
const CUT_OFF = new Set(['ECONNRESET', 'EPIPE', 'EConnectionClosed', 'ClosedAfterConnectText', 'ClosedAfterConnectTLS', 'ECONNECTION', 'ESOCKET']);
// nodemailer reports a refused connection as ESOCKET; the system's code is only in the message.
const UNREACHABLE_IN_MESSAGE = /\b(ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ENOTFOUND)\b/;

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
  if (UNREACHABLE.has(code) || (CUT_OFF.has(code) && UNREACHABLE_IN_MESSAGE.test(detail))) {
    return new ChannelError('transient', `De ${server}-server is niet bereikbaar (${detail}).`);
  }
  if (TOO_SLOW.has(code)) return new ChannelError('transient', `De ${server}-server gaf geen antwoord op tijd (${detail}).`);
  if (CUT_OFF.has(code)) return new ChannelError('transient', `De ${server}-server verbrak de verbinding (${detail}).`);
  if (code === 'ETHROTTLE') return new ChannelError('transient', `De ${server}-server vraagt om het rustiger aan te doen (${detail}).`);
  if (failure.responseCode && failure.responseCode >= 500) return new ChannelError('permanent', `De ${server}-server weigert het bericht (${detail}).`);
  return new ChannelError('transient', `Fout bij de ${server}-server (${detail}).`);
}

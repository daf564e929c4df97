import { ChannelError, type ConnectorAccount, type ConnectorDeps } from '../../connector.types';
import { callGraph, resolveGraphTarget } from '../meta/graph.client';
import { hasGraphCode } from '../meta/graph.errors';

// The Cloud API's own error codes on top of the shared Graph mapping (connectors/meta), which knows
// tokens (190) and Graph throttling but not WhatsApp's messaging codes. Meta sends these with HTTP
// 400 as often as with 429 or 5xx, so the code decides.
const RATE_LIMIT_CODES = [130429, 131048, 131056];
// Throughput (130429) and pair limits (131056) clear within seconds; a minute is a safe wait.
const RATE_LIMIT_WAIT_MS = 60_000;

export function classifyWhatsappError(error: unknown): unknown {
  if (!(error instanceof ChannelError)) return error;
  const detail = { status: error.status, platformCode: error.platformCode };
  if (hasGraphCode(error, 131047)) {
    return new ChannelError(
      'permanent',
      'WhatsApp weigert dit antwoord: de inwoner schreef meer dan 24 uur geleden, dus het venster voor een vrij antwoord is gesloten (131047). Stel bij het account een goedgekeurd sjabloon in of wacht tot de inwoner opnieuw schrijft.',
      null,
      detail,
    );
  }
  if (RATE_LIMIT_CODES.some((code) => hasGraphCode(error, code))) {
    return new ChannelError(
      'rate-limited',
      `WhatsApp: te veel berichten in korte tijd (${error.platformCode}); Plein probeert het zo opnieuw.`,
      RATE_LIMIT_WAIT_MS,
      detail,
    );
  }
  // 131000 "Something went wrong": Meta's trouble, not the message's.
  if (hasGraphCode(error, 131000))
    return new ChannelError('transient', 'WhatsApp had een storing (131000); Plein probeert het later opnieuw.', error.retryAfterMs, detail);
  return error;
}

export async function callWhatsapp<T>(
  deps: ConnectorDeps,
  account: ConnectorAccount,
  method: 'GET' | 'POST',
  path: string,
  options: { params?: Record<string, string>; body?: unknown } = {},
): Promise<T> {
  try {
    return await callGraph<T>(deps, resolveGraphTarget(account), method, path, options);
  } catch (error) {
    throw classifyWhatsappError(error);
  }
}

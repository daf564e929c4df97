// One way to talk to the Plein API: JSON in and out, the CSRF token on every change, problems as errors.

export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}

export interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
  invalidParams: InvalidParam[];
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }

  // Field name as the API reports it (e.g. "roles" or "roles.0") → reason to show next to that field.
  // fieldOfCode places a problem without invalidParams (e.g. 409 e-mail-bestaat-al) next to its field.
  fieldErrors(fieldOfCode: Record<string, string> = {}): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const param of this.problem.invalidParams) {
      const field = param.name.split('.')[0] ?? param.name;
      errors[field] ??= param.reason;
    }
    const field = fieldOfCode[this.code];
    if (field) errors[field] ??= this.message;
    return errors;
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function toProblem(response: Response): Promise<Problem> {
  let body: Partial<Problem> & { invalidParams?: InvalidParam[] } = {};
  try {
    body = await response.json();
  } catch {
    // A proxy or a crash can answer without problem+json; the status alone still tells the user something.
  }
  return {
    status: response.status,
    code: body.code ?? `http-${response.status}`,
    title: body.title ?? 'Er ging iets mis',
    detail: body.detail ?? 'Er ging iets mis. Probeer het later opnieuw.',
    invalidParams: Array.isArray(body.invalidParams) ? body.invalidParams : [],
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface CallOptions {
  // Sent as Idempotency-Key: the server answers a repeat with the first answer, so a request without an answer
  // (the connection dropped) is tried again by itself.
  idempotencyKey?: string;
}

// Pauses before the automatic retries of a request with an Idempotency-Key whose answer never came.
const RETRY_DELAYS_MS = [1_000, 3_000];

export async function callApi<T>(method: Method, path: string, body?: unknown, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const send = () => fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  let response: Response;
  try {
    response = await sendWithRetries(send, options.idempotencyKey ? RETRY_DELAYS_MS : []);
  } catch {
    throw new ProblemError({
      status: 0,
      code: 'netwerkfout',
      title: 'Geen verbinding',
      detail: 'Plein is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
      invalidParams: [],
    });
  }
  if (!response.ok) throw new ProblemError(await toProblem(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function sendWithRetries(send: () => Promise<Response>, delays: number[]): Promise<Response> {
  for (const delay of delays) {
    try {
      return await send();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  return send();
}

export const api = {
  get: <T>(path: string) => callApi<T>('GET', path),
  post: <T>(path: string, body?: unknown, options?: CallOptions) => callApi<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body: unknown) => callApi<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => callApi<T>('PATCH', path, body),
  delete: (path: string) => callApi<void>('DELETE', path),
};

export function buildQueryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

// GeoReport v2 answers errors as a list of {code, description}, never as problem+json.
export interface GeoReportError {
  code: number;
  description: string;
}

export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly errors: GeoReportError[],
  ) {
    super(errors.map((error) => error.description).join(' '));
  }
}

export const open311Error = (status: number, ...descriptions: string[]) =>
  new Open311Error(
    status,
    descriptions.map((description) => ({ code: status, description })),
  );

// What a caller sent: the query string and the (form or JSON) body together, body first.
export type Open311Params = Record<string, unknown>;

export function readText(params: Open311Params, key: string): string | undefined {
  let value = params[key];
  if (Array.isArray(value)) value = value.at(-1);
  if (typeof value === 'number' || typeof value === 'boolean') value = String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function list(params: Open311Params, key: string): string[] | undefined {
  const raw = params[key];
  const values = (Array.isArray(raw) ? raw : [raw]).filter((value): value is string | number => typeof value === 'string' || typeof value === 'number');
  const items = values
    .flatMap((value) => String(value).split(','))
    .map((item) => item.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
}

// ---- client apps and their keys ----

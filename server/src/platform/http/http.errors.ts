// One error type for the whole server: a stable code, an HTTP status and a Dutch message.
export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
  // Where in a text value the problem is (a monitor query): 0-based character offset and length.
  position?: number;
  length?: number;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string = title,
    readonly invalidParams?: InvalidParam[],
  ) {
    super(detail);
  }
}

export const notFound = (what = 'Dit item') => new AppError(404, 'niet-gevonden', 'Niet gevonden', `${what} bestaat niet of u heeft er geen toegang toe.`);

export const unauthenticated = () => new AppError(401, 'niet-ingelogd', 'Niet ingelogd', 'Log in om dit te gebruiken.');

export const forbidden = (detail = 'U heeft niet de rol die hiervoor nodig is.') => new AppError(403, 'geen-toestemming', 'Geen toestemming', detail);

export const badRequest = (code: string, detail: string, invalidParams?: InvalidParam[]) => new AppError(400, code, 'Ongeldige invoer', detail, invalidParams);

export const conflict = (code: string, detail: string) => new AppError(409, code, 'Conflict', detail);

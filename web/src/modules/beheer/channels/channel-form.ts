import type { ChannelField, ChannelRequirements } from '@contracts/channel-fields';
import { ProblemError } from '../../../app/api-client';

// Form values by field name: "serviceUrl", "settings:pageId", "secrets:appPassword". The colon keeps the name in one
// piece where the API's "settings.pageId" would be cut at the dot by ProblemError.fieldErrors.
export type ChannelFieldValues = Record<string, string>;

export function toFormName(field: ChannelField): string {
  return `${field.kind === 'secret' ? 'secrets' : 'settings'}:${field.key}`;
}

export function listFormNames(requirements: ChannelRequirements): string[] {
  return [...(requirements.serviceUrl ? ['serviceUrl'] : []), ...requirements.fields.map(toFormName)];
}

// Rewrites the API's "secrets.appPassword" into the form's "secrets:appPassword", so the error lands at its field.
export function withFormFieldNames(error: unknown): unknown {
  if (!(error instanceof ProblemError)) return error;
  return new ProblemError({
    ...error.problem,
    invalidParams: error.problem.invalidParams.map((param) => ({ ...param, name: param.name.replace(/^(settings|secrets)\./, '$1:') })),
  });
}

export async function sendWithFormFieldNames<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw withFormFieldNames(error);
  }
}

// Required fields left empty; a stored secret counts as filled in, since an empty secret field keeps it.
export function findMissingRequired(
  requirements: ChannelRequirements,
  values: ChannelFieldValues,
  storedSecrets: boolean,
  message: string,
): Record<string, string> {
  const missing: Record<string, string> = {};
  if (requirements.serviceUrl?.required && !values.serviceUrl?.trim()) missing.serviceUrl = message;
  for (const field of requirements.fields) {
    if (!field.required || (field.kind === 'secret' && storedSecrets)) continue;
    if (!values[toFormName(field)]?.trim()) missing[toFormName(field)] = message;
  }
  return missing;
}

// Settings go out as the text typed; the connectors read numbers and yes/no from text themselves.
export function collectSettings(requirements: ChannelRequirements, values: ChannelFieldValues, keep: (key: string, value: string) => boolean) {
  const settings: Record<string, string> = {};
  for (const field of requirements.fields) {
    if (field.kind !== 'setting') continue;
    const value = values[toFormName(field)]?.trim() ?? '';
    if (keep(field.key, value)) settings[field.key] = value;
  }
  return settings;
}

// Only secrets someone typed are sent: the server merges them into the stored ones.
export function collectSecrets(requirements: ChannelRequirements, values: ChannelFieldValues) {
  const secrets: Record<string, string> = {};
  for (const field of requirements.fields) {
    const value = values[toFormName(field)] ?? '';
    if (field.kind === 'secret' && value !== '') secrets[field.key] = value;
  }
  return secrets;
}

export function readStoredValues(requirements: ChannelRequirements, serviceUrl: string | null, settings: Record<string, unknown>): ChannelFieldValues {
  const values: ChannelFieldValues = { serviceUrl: serviceUrl ?? '' };
  for (const field of requirements.fields) {
    const stored = settings[field.key];
    values[toFormName(field)] = field.kind === 'setting' && stored !== undefined && stored !== null ? String(stored) : '';
  }
  return values;
}

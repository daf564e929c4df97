import type { OidcSettings, OidcSettingsChange } from '@contracts/oidc';
import type { InvalidParam } from '../../../app/api-client';
import type { Role } from '../roles';

export interface MappingRow {
  // Stable across edits, so React keeps each row's inputs (and focus) while values change.
  key: number;
  value: string;
  role: Role | '';
}

export interface SettingsValues {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  displayName: string;
  rolesClaim: string;
  rows: MappingRow[];
  createUsers: boolean;
  enabled: boolean;
}

export type SettingsField = 'issuerUrl' | 'clientId' | 'clientSecret' | 'displayName' | 'rolesClaim' | 'roleMapping';

export interface SettingsErrors {
  fields: Partial<Record<SettingsField, string>>;
  // Per mapping row (by key): the error for its claim value and for its role.
  values: Record<number, string>;
  roles: Record<number, string>;
}

export const createEmptyErrors = (): SettingsErrors => ({ fields: {}, values: {}, roles: {} });

export function hasErrors(errors: SettingsErrors): boolean {
  return Object.keys(errors.fields).length + Object.keys(errors.values).length + Object.keys(errors.roles).length > 0;
}

export function toSettingsValues(settings: OidcSettings): SettingsValues {
  return {
    issuerUrl: settings.issuerUrl,
    clientId: settings.clientId,
    clientSecret: '',
    displayName: settings.displayName,
    rolesClaim: settings.rolesClaim,
    rows: Object.entries(settings.roleMapping).map(([value, role], key) => ({ key, value, role })),
    createUsers: settings.createUsers,
    enabled: settings.enabled,
  };
}

// An empty secret field means "keep the stored one", which the API expresses by leaving the field out.
export function toChange(values: SettingsValues): OidcSettingsChange {
  return {
    issuerUrl: values.issuerUrl.trim(),
    clientId: values.clientId.trim(),
    ...(values.clientSecret !== '' && { clientSecret: values.clientSecret }),
    displayName: values.displayName.trim(),
    rolesClaim: values.rolesClaim.trim(),
    roleMapping: Object.fromEntries(values.rows.map((row) => [row.value.trim(), row.role as Role])),
    createUsers: values.createUsers,
    enabled: values.enabled,
  };
}

export interface ValidationTexts {
  required: string;
  emptyValue: string;
  duplicateValue: string;
  roleRequired: string;
}

// Checks the API would make too, plus one it cannot: two rows with the same value would silently become one.
export function validateSettings(values: SettingsValues, secretStored: boolean, texts: ValidationTexts): SettingsErrors {
  const errors = createEmptyErrors();
  for (const field of ['issuerUrl', 'clientId', 'displayName', 'rolesClaim'] as const) {
    if (!values[field].trim()) errors.fields[field] = texts.required;
  }
  if (!secretStored && values.clientSecret === '') errors.fields.clientSecret = texts.required;
  const seen = new Set<string>();
  for (const row of values.rows) {
    const value = row.value.trim();
    if (!value) errors.values[row.key] = texts.emptyValue;
    else if (seen.has(value)) errors.values[row.key] = texts.duplicateValue;
    seen.add(value);
    if (!row.role) errors.roles[row.key] = texts.roleRequired;
  }
  return errors;
}

const FIELDS: SettingsField[] = ['issuerUrl', 'clientId', 'clientSecret', 'displayName', 'rolesClaim', 'roleMapping'];

// The API names a mapping's problem after its claim value ("roleMapping.plein-kcc"); that finds the row to mark.
export function mapServerErrors(invalidParams: InvalidParam[], rows: MappingRow[]): SettingsErrors {
  const errors = createEmptyErrors();
  for (const param of invalidParams) {
    if (param.name.startsWith('roleMapping.')) {
      const claimValue = param.name.slice('roleMapping.'.length);
      const row = rows.find((candidate) => candidate.value.trim() === claimValue);
      if (row) {
        errors.values[row.key] ??= param.reason;
        continue;
      }
    }
    const field = FIELDS.find((name) => param.name === name || param.name.startsWith(`${name}.`));
    if (field) errors.fields[field] ??= param.reason;
  }
  return errors;
}

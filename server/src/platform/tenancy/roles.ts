export const ROLES = [
  'beheerder',
  'communicatieadviseur',
  'webcare',
  'kcc',
  'omgevingsanalist',
  'griffie',
  'vakafdeling',
  'bestuurder',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  beheerder: 'Beheerder',
  communicatieadviseur: 'Communicatieadviseur',
  webcare: 'Webcaremedewerker',
  kcc: 'KCC-medewerker',
  omgevingsanalist: 'Omgevingsanalist',
  griffie: 'Griffie',
  vakafdeling: 'Vakafdeling',
  bestuurder: 'Bestuurder (alleen lezen)',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

import { ROLES as ALL_ROLES } from '@contracts/common';
import type { User } from '@contracts/users';
import { useLocale } from '../../app/i18n';

export type Role = User['roles'][number];

export const ROLES: readonly Role[] = ALL_ROLES;

const ROLE_LABELS: Record<'nl' | 'en', Record<Role, string>> = {
  nl: {
    beheerder: 'Beheerder',
    communicatieadviseur: 'Communicatieadviseur',
    webcare: 'Webcaremedewerker',
    kcc: 'KCC-medewerker',
    omgevingsanalist: 'Omgevingsanalist',
    griffie: 'Griffie',
    vakafdeling: 'Vakafdeling',
    bestuurder: 'Bestuurder (alleen lezen)',
  },
  en: {
    beheerder: 'Administrator',
    communicatieadviseur: 'Communications adviser',
    webcare: 'Webcare agent',
    kcc: 'Contact centre agent',
    omgevingsanalist: 'Environment analyst',
    griffie: 'Council clerk (griffie)',
    vakafdeling: 'Department',
    bestuurder: 'Executive (read only)',
  },
};

export function useRoleLabel(): (role: Role) => string {
  const { locale } = useLocale();
  return (role) => ROLE_LABELS[locale][role];
}

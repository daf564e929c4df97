// The staff workspace's areas, in the order of PRODUCT.md; Beheer appears only for people who can use a part of it.
export const WORKSPACE_AREAS = ['luisteren', 'inbox', 'meldingen', 'zenden', 'participatie', 'inzicht', 'crisis'] as const;
export type WorkspaceArea = (typeof WORKSPACE_AREAS)[number];

// Klachten appear for those who keep the register and for those who read its yearly report.
export function canSeeKlachten(permissions: readonly string[]): boolean {
  return permissions.includes('klachten.read') || permissions.includes('klachten.report');
}

// The inbox holds private messages: only those who answer residents see it.
export function canSeeInbox(permissions: readonly string[]): boolean {
  return permissions.includes('inbox.read');
}

// The content calendar is for those who speak for the municipality (vakafdeling has no part in it).
export function canSeeZenden(permissions: readonly string[]): boolean {
  return permissions.includes('publications.read');
}

// Communicatieadviseurs keep the knowledge base and the routing rules: they see Beheer for those.
export const BEHEER_PERMISSIONS = [
  'users.manage',
  'teams.manage',
  'audit.read',
  'jobs.read',
  'organisation.manage',
  'knowledge.manage',
  'routing.manage',
] as const;

export function canSeeBeheer(permissions: readonly string[]): boolean {
  return BEHEER_PERMISSIONS.some((permission) => permissions.includes(permission));
}

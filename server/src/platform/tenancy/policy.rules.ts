import { forbidden } from '../http/http.errors';
import type { Role } from './roles.rules';

// The single place that says which role may do what. Routes name a permission; nothing else checks roles.
const PERMISSIONS = {
  'organisation.read': 'all',
  'organisation.manage': ['beheerder'],
  'users.read': 'all',
  'users.manage': ['beheerder'],
  'teams.manage': ['beheerder'],
  'tokens.own': 'all',
  'audit.read': ['beheerder'],
  'jobs.read': ['beheerder'],
  'jobs.manage': ['beheerder'],
  'channels.read': 'all',
  'channels.manage': ['beheerder'],
  // Sending in the organisation's name; a bestuurder or analyst reads but does not post.
  'channels.send': ['beheerder', 'communicatieadviseur', 'webcare', 'kcc'],
  // Messages include private ones (e-mail, direct messages): only the roles that handle or analyse them.
  'messages.read': ['beheerder', 'communicatieadviseur', 'webcare', 'kcc', 'omgevingsanalist'],
  'messages.log': ['beheerder', 'webcare', 'kcc'],
  // Everyone may see the meldingen of their municipalities; the reporter's contact details only those who handle them.
  'meldingen.read': 'all',
  'meldingen.manage': ['beheerder', 'kcc', 'webcare', 'vakafdeling'],
  // Figures (percentages, counts) of the municipalities one works for: bestuurders read these too.
  'insights.read': 'all',
  'meldingen.import': ['beheerder'],
  'meldingen.categories': ['beheerder'],
  // The webcare inbox: conversations hold private messages; those who answer residents handle them.
  'inbox.read': ['beheerder', 'communicatieadviseur', 'webcare', 'kcc'],
  'inbox.handle': ['beheerder', 'communicatieadviseur', 'webcare', 'kcc'],
  // The agressieregister names residents and what they wrote to staff: those who handle the inbox read it
  // (and count it for the year); a bestuurder gets the count through them, not the texts.
  'aggression.read': ['beheerder', 'communicatieadviseur', 'webcare', 'kcc'],
  // Routing rules decide who sees what first: set by the beheerder and the communicatieadviseur who runs webcare.
  'routing.manage': ['beheerder', 'communicatieadviseur'],
  // Outside partners receive residents' questions by e-mail: who they are and where that mail goes is set by
  // those who set the routing, not by every agent.
  'handoff.partners': ['beheerder', 'communicatieadviseur'],
  // Knowledge-base articles, webcare standard texts and the tone code speak for the organisation: the
  // communication advisers and webcare editors who own the public voice keep them. KCC agents use them
  // (inbox.read) and propose changes; they do not change the organisation's official answers alone.
  'knowledge.manage': ['beheerder', 'communicatieadviseur', 'webcare'],
  // The klachten register is personal data (complainants, colleagues complained about): only the roles that
  // register and handle klachten. The yearly report holds no personal data: bestuurders read it too.
  'klachten.read': ['beheerder', 'kcc', 'webcare', 'griffie'],
  'klachten.manage': ['beheerder', 'kcc', 'webcare', 'griffie'],
  'klachten.report': ['beheerder', 'kcc', 'webcare', 'griffie', 'bestuurder'],
  // Luisteren reads what residents wrote (also private messages to the organisation's own channels): the
  // roles that read messages. Monitors, author lists and the tenor corrections that train the model are the
  // analysts' and communication advisers' instruments.
  // Zenden: the content calendar is for everyone who speaks for the municipality; planning is communicatie's.
  'publications.read': ['beheerder', 'communicatieadviseur', 'webcare', 'kcc', 'griffie', 'bestuurder'],
  'publications.manage': ['beheerder', 'communicatieadviseur'],
  // Four eyes: a colleague approves (never the author, checked in the service); the same people set the rules per
  // account and may take the crisis fast path.
  'publications.approve': ['beheerder', 'communicatieadviseur'],
  'publications.settings': ['beheerder', 'communicatieadviseur'],
  'publications.fastpath': ['beheerder', 'communicatieadviseur'],
  'listening.read': ['beheerder', 'communicatieadviseur', 'webcare', 'kcc', 'omgevingsanalist'],
  'listening.manage': ['beheerder', 'communicatieadviseur', 'omgevingsanalist'],
  'listening.review': ['beheerder', 'communicatieadviseur', 'omgevingsanalist'],
} as const satisfies Record<string, readonly Role[] | 'all'>;

export type Permission = keyof typeof PERMISSIONS;

export interface Actor {
  organisationId: string;
  userId: string;
  name: string;
  email: string;
  roles: Role[];
  municipalityIds: string[];
  sessionId?: string;
  tokenId?: string;
}

export function can(actor: Actor, permission: Permission): boolean {
  const allowed: readonly Role[] | 'all' = PERMISSIONS[permission];
  if (allowed === 'all') return actor.roles.length > 0;
  return actor.roles.some((role) => allowed.includes(role));
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden();
}

// Beheerders act for every municipality of their organisation; others for the ones assigned to them.
function actsForAllMunicipalities(actor: Actor): boolean {
  return administers(actor.roles);
}

// Whether a set of roles manages the organisation (users, channels, settings): a beheerder may not give that up
// for themselves, so an organisation cannot lock out its last administrator by accident.
export function administers(roles: readonly Role[]): boolean {
  return roles.includes('beheerder');
}

export function actsForMunicipality(actor: Actor, municipalityId: string): boolean {
  return actsForAllMunicipalities(actor) || actor.municipalityIds.includes(municipalityId);
}

// What a person may see of the organisation's data: the organisation, and the municipalities they act for
// (undefined: every municipality of the organisation, also one added later). Services hand it to repositories as it
// is, so the rule is written here only.
export interface Scope {
  organisationId: string;
  municipalityIds: string[] | undefined;
}

export function scopeOf(actor: Actor): Scope {
  return { organisationId: actor.organisationId, municipalityIds: actsForAllMunicipalities(actor) ? undefined : actor.municipalityIds };
}

// The scope narrowed to the municipality a person picked (a filter, the header's switch): that one when they act for
// it, none when they do not or picked one that does not exist (null), the whole scope when they picked nothing.
export function narrowScope(scope: Scope, municipalityId: string | undefined | null): Scope {
  if (municipalityId === undefined) return scope;
  const allowed = municipalityId !== null && (!scope.municipalityIds || scope.municipalityIds.includes(municipalityId));
  return { organisationId: scope.organisationId, municipalityIds: allowed ? [municipalityId] : [] };
}

// Every municipality of the organisation: for the system's own work (jobs, imports), never for a person.
export function scopeWholeOrganisation(organisationId: string): Scope {
  return { organisationId, municipalityIds: undefined };
}

// A scope over municipalities chosen for a report, already checked against what the person may see.
export function scopeOver(organisationId: string, municipalityIds: string[]): Scope {
  return { organisationId, municipalityIds };
}

export function listPermissions(actor: Actor): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => can(actor, permission));
}

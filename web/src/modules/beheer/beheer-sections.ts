export interface BeheerSection {
  path: string;
  key:
    | 'users'
    | 'teams'
    | 'channels'
    | 'audit'
    | 'jobs'
    | 'municipalities'
    | 'signIn'
    | 'meldingCategories'
    | 'standardTexts'
    | 'knowledge'
    | 'routing'
    | 'partners';
  permission: string;
}

export const BEHEER_SECTIONS: BeheerSection[] = [
  { path: '/beheer/gebruikers', key: 'users', permission: 'users.manage' },
  { path: '/beheer/teams', key: 'teams', permission: 'teams.manage' },
  { path: '/beheer/kanalen', key: 'channels', permission: 'channels.read' },
  { path: '/beheer/meldingen', key: 'meldingCategories', permission: 'meldingen.categories' },
  { path: '/beheer/standaardteksten', key: 'standardTexts', permission: 'meldingen.categories' },
  { path: '/beheer/kennisbank', key: 'knowledge', permission: 'knowledge.manage' },
  { path: '/beheer/verdeelregels', key: 'routing', permission: 'routing.manage' },
  { path: '/beheer/partners', key: 'partners', permission: 'handoff.partners' },
  { path: '/beheer/gemeenten', key: 'municipalities', permission: 'organisation.manage' },
  { path: '/beheer/inloggen', key: 'signIn', permission: 'organisation.manage' },
  { path: '/beheer/audit', key: 'audit', permission: 'audit.read' },
  { path: '/beheer/taken', key: 'jobs', permission: 'jobs.read' },
];

import type { Actor } from '@platform/tenancy/policy.rules';

// Operators at the command line act as a beheerder of the organisation they name; the audit log says "CLI".
export function makeOperatorActor(organisationId: string): Actor {
  return {
    organisationId,
    userId: '',
    name: 'Operator (plein CLI)',
    email: '',
    roles: ['beheerder'],
    municipalityIds: [],
  };
}

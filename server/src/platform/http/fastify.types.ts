import type { Authentication } from '../auth/authenticate.service';
import type { Permission } from '../tenancy/policy.rules';

// Every /api route states who may call it; app.server.ts refuses to start when one does not.
export type RouteAccess = { access: 'public' } | { access: 'signed-in' } | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: 'public' | 'signed-in';
    permission?: Permission;
  }
  interface FastifyRequest {
    auth: Authentication | null;
  }
}

import type { Authentication } from '../auth/authenticate';
import type { Permission } from '../tenancy/policy';

// Every /api route states who may call it; app.ts refuses to start when one does not.
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

import { z } from 'zod';
import { emailSchema, roleSchema } from './common';
import { municipalitySchema } from './organisation';

export const loginSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(1024),
  organisation: z.string().max(63).optional().describe('Slug van de organisatie; alleen nodig als het e-mailadres bij meer organisaties hoort'),
});

export const meSchema = z.object({
  user: z.object({ id: z.uuid(), name: z.string(), email: z.string(), roles: z.array(roleSchema) }),
  organisation: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  municipalities: z.array(municipalitySchema).describe('De gemeenten waarvoor deze gebruiker werkt'),
  activeMunicipalityId: z.uuid().nullable(),
  permissions: z.array(z.string()),
  csrfToken: z.string().nullable().describe('Meesturen als X-CSRF-Token bij wijzigende verzoeken met een sessie'),
});

export const switchMunicipalitySchema = z.strictObject({ municipalityId: z.uuid() });

export const passwordResetRequestSchema = z.strictObject({
  email: emailSchema,
  organisation: z.string().max(63).optional(),
});

export const passwordResetConfirmSchema = z.strictObject({
  token: z.string().min(10).max(300),
  password: z.string().min(1).max(1024),
});

export const apiTokenCreateSchema = z.strictObject({ name: z.string().trim().min(1).max(120) });

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const apiTokenCreatedSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.string(),
  token: z.string().describe('Wordt alleen nu getoond; bewaar het veilig'),
});

export type Me = z.infer<typeof meSchema>;

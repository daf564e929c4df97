import { z } from 'zod';
import { emailSchema, roleSchema } from './common';

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  initials: z.string().nullable(),
  active: z.boolean(),
  signInMethods: z.array(z.string()),
  roles: z.array(roleSchema),
  municipalityIds: z.array(z.uuid()),
  teamIds: z.array(z.uuid()),
  createdAt: z.string(),
});

export const userCreateSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  initials: z.string().trim().min(1).max(4).optional(),
  roles: z.array(roleSchema).min(1, 'Kies minstens één rol'),
  municipalityIds: z.array(z.uuid()).default([]),
  password: z.string().min(1).max(1024).optional().describe('Laat leeg voor inloggen via OpenID Connect of een herstellink'),
});

export const userChangeSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  initials: z.string().trim().min(1).max(4).nullable().optional(),
  roles: z.array(roleSchema).min(1, 'Kies minstens één rol').optional(),
  municipalityIds: z.array(z.uuid()).optional(),
  active: z.boolean().optional(),
});

export const teamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  memberIds: z.array(z.uuid()),
});

export const teamCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  description: z.string().max(1000).default(''),
  memberIds: z.array(z.uuid()).default([]),
});

export const teamChangeSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  description: z.string().max(1000).optional(),
  memberIds: z.array(z.uuid()).optional(),
});

export type User = z.infer<typeof userSchema>;
export type Team = z.infer<typeof teamSchema>;

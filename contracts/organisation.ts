import { z } from 'zod';

export const municipalitySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  cbsCode: z.string().describe('CBS-gemeentecode, bijvoorbeeld GM0383'),
  inhabitants: z.number().int(),
  timeZone: z.string(),
  houseColour: z.string().describe('Huisstijlkleur als #rrggbb'),
  logoUrl: z.string().nullable(),
});

export const organisationSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  municipalities: z.array(municipalitySchema),
});

export const municipalityChangeSchema = z.strictObject({
  houseColour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'Gebruik een kleur als #01689b')
    .optional(),
  logoUrl: z.url().max(2000).nullable().optional(),
  inhabitants: z.number().int().min(0).max(20_000_000).optional(),
});

export type Municipality = z.infer<typeof municipalitySchema>;
export type Organisation = z.infer<typeof organisationSchema>;

import { z } from 'zod';

export const uuid = z.uuid();
export const idParams = z.strictObject({ id: z.uuid() });
export const isoDateTime = z.string().describe('Tijdstip (ISO 8601, met tijdzone)');
export const roleSchema = z.enum([
  'beheerder',
  'communicatieadviseur',
  'webcare',
  'kcc',
  'omgevingsanalist',
  'griffie',
  'vakafdeling',
  'bestuurder',
]);
export const emailSchema = z.email().max(254);
export const noContent = z.null().describe('Geen inhoud');

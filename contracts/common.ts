import { z } from 'zod';

export const uuid = z.uuid();
export const idParams = z.strictObject({ id: z.uuid() });
export const isoDateTime = z.string().describe('Tijdstip (ISO 8601, met tijdzone)');
// The roles of PRODUCT.md; the server's policy table and the web app's labels both start from this list.
export const ROLES = ['beheerder', 'communicatieadviseur', 'webcare', 'kcc', 'omgevingsanalist', 'griffie', 'vakafdeling', 'bestuurder'] as const;
export const roleSchema = z.enum(ROLES);
export const emailSchema = z.email().max(254);
export const noContent = z.null().describe('Geen inhoud');

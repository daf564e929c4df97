import { z } from 'zod';

export const installationSchema = z.object({
  name: z.string(),
  apiVersion: z.string(),
  contactEmail: z.string().nullable().describe('Contactadres van de beheerder van deze installatie, voor meldingen over toegankelijkheid'),
});

export type Installation = z.infer<typeof installationSchema>;

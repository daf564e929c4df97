import { z } from 'zod';
import { roleSchema } from './common';

const MAX_MAPPINGS = 100;

export const oidcSettingsSchema = z.object({
  configured: z.boolean().describe('Onwaar zolang er niets is opgeslagen; de overige velden zijn dan de standaardwaarden'),
  issuerUrl: z.string().describe('Issuer van de OpenID-provider, precies zoals de provider hem noemt'),
  clientId: z.string(),
  clientSecretSet: z.boolean().describe('Of er een client secret is opgeslagen; het secret zelf wordt nooit teruggegeven'),
  displayName: z.string().describe('Tekst op de knop op de inlogpagina'),
  rolesClaim: z.string().describe('Claim met groepen of rollen, bijvoorbeeld roles of realm_access.roles'),
  roleMapping: z.record(z.string(), roleSchema).describe('Claimwaarde → Plein-rol'),
  createUsers: z.boolean().describe('Maak een account aan bij de eerste keer inloggen'),
  enabled: z.boolean(),
  redirectUri: z.string().describe('Registreer dit adres als redirect URI bij de provider'),
});

export const oidcSettingsChangeSchema = z.strictObject({
  issuerUrl: z.url({ message: 'Vul een geldig adres in, bijvoorbeeld https://login.gemeente.nl/realms/medewerkers' }).max(2000),
  clientId: z.string().trim().min(1, 'Vul de client-ID in').max(500),
  clientSecret: z
    .string()
    .min(1, 'Laat het veld weg om het opgeslagen secret te houden')
    .max(2000)
    .optional()
    .describe('Alleen meesturen om het secret te zetten of te vervangen'),
  displayName: z.string().trim().min(1, 'Vul de tekst voor de knop in').max(100),
  rolesClaim: z.string().trim().min(1, 'Vul de naam van de claim in').max(200),
  roleMapping: z
    .record(z.string().trim().min(1, 'Een claimwaarde mag niet leeg zijn').max(200), roleSchema)
    .refine((mapping) => Object.keys(mapping).length <= MAX_MAPPINGS, `Maximaal ${MAX_MAPPINGS} koppelingen`),
  createUsers: z.boolean(),
  enabled: z.boolean(),
});

export const signInOptionsSchema = z.object({
  passwordEnabled: z.boolean(),
  oidc: z
    .object({
      displayName: z.string(),
      authorizeUrl: z.string().describe('Stuur de browser hierheen om via de provider in te loggen'),
    })
    .nullable(),
});

export const slugParams = z.strictObject({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Alleen kleine letters, cijfers en streepjes') });

// Provider-side parameters (error_description, session_state) are read from the raw URL, not declared here.
export const oidcCallbackQuery = z.object({
  code: z.string().max(4000).optional(),
  state: z.string().max(500).optional(),
  iss: z.string().max(2000).optional(),
  error: z.string().max(200).optional(),
});

export type OidcSettings = z.infer<typeof oidcSettingsSchema>;
export type OidcSettingsChange = z.infer<typeof oidcSettingsChangeSchema>;
export type SignInOptions = z.infer<typeof signInOptionsSchema>;

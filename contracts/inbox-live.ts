import { z } from 'zod';
import { isoDateTime } from './common';

// Live inbox: who else has a conversation open (and is typing), so two colleagues do not answer the same resident.
export const presenceSchema = z.object({ userId: z.uuid(), name: z.string(), composing: z.boolean().describe('Typt een antwoord'), seenAt: isoDateTime });

export const presenceReportSchema = z.strictObject({
  composing: z.boolean().default(false),
  leaving: z.boolean().optional().describe('De medewerker sluit het gesprek'),
});

export const streamInfoSchema = z.object({ stream: z.string(), hint: z.string() });

// Cases made from a conversation's messages: meldingen and klachten, with their status now.
export const conversationCaseSchema = z.object({
  kind: z.enum(['melding', 'klacht']),
  id: z.uuid(),
  number: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  createdAt: isoDateTime,
});

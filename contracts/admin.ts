import { z } from 'zod';

export const auditQuerySchema = z.strictObject({
  action: z.string().max(100).optional(),
  recordType: z.string().max(100).optional(),
  recordId: z.string().max(100).optional(),
  actorUserId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, 'Gebruik de nextCursor uit het vorige antwoord')
    .optional()
    .describe('Geef de nextCursor van de vorige pagina mee voor de volgende (oudere) regels'),
});

export const auditEntrySchema = z.object({
  id: z.uuid(),
  occurredAt: z.string(),
  actorUserId: z.uuid().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextCursor: z.string().nullable().describe('Null als er geen oudere regels zijn'),
});

export const jobStatusSchema = z.enum(['queued', 'running', 'done', 'failed']);

export const jobSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  status: jobStatusSchema,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable(),
  runAt: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const jobsOverviewSchema = z.object({
  counts: z.object({ queued: z.number(), running: z.number(), done: z.number(), failed: z.number() }),
  jobs: z.array(jobSchema),
  schedules: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      jobName: z.string(),
      cron: z.string(),
      timeZone: z.string(),
      enabled: z.boolean(),
      nextRunAt: z.string(),
      lastRunAt: z.string().nullable(),
    }),
  ),
});

export const jobsQuerySchema = z.strictObject({
  status: jobStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
export type JobsOverview = z.infer<typeof jobsOverviewSchema>;

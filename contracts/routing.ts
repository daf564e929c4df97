import { z } from 'zod';
import { channelSchema } from './channels';
import { isoDateTime } from './common';
import { prioritySchema } from './inbox';
import { tenorSchema } from './luisteren';

// Routing rules: which conversations go to which team or person, with which labels and priority.
const WEEKDAYS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Gebruik een tijd als 09:00');
const word = z.string().trim().min(2, 'Een woord heeft minstens 2 tekens').max(60);
const label = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N} _-]+$/u, 'Een label bestaat uit letters, cijfers, spaties en streepjes');

export const routingConditionsSchema = z.strictObject({
  channels: z.array(channelSchema).max(12).optional(),
  accountIds: z.array(z.uuid()).max(50).optional(),
  municipalityIds: z.array(z.uuid()).max(50).optional(),
  words: z.array(word).max(50).optional().describe('Eén van deze woorden of woordgroepen komt voor (hoofdletters doen er niet toe)'),
  authors: z.array(z.string().trim().min(1).max(100)).max(200).optional().describe('Handles of ids van afzenders, bijvoorbeeld raadsleden of pers'),
  languages: z
    .array(z.string().regex(/^[a-z]{2}$/, 'Gebruik een taalcode als nl'))
    .max(10)
    .optional(),
  visibility: z.enum(['openbaar', 'prive']).optional(),
  monitorIds: z.array(z.uuid()).max(50).optional().describe('Het bericht valt onder een van deze monitors van Luisteren'),
  tenors: z.array(tenorSchema).max(4).optional().describe('De tenor van het bericht (automatisch bepaald) is een van deze'),
  time: z
    .strictObject({ days: z.array(z.enum(WEEKDAYS)).min(1).max(7), from: time, until: time })
    .optional()
    .describe('Alleen op deze dagen tussen deze tijden (Nederlandse tijd); "until" vóór "from" loopt over middernacht'),
});
export type RoutingConditions = z.infer<typeof routingConditionsSchema>;

export const routingActionsSchema = z
  .strictObject({
    assignTeamId: z.uuid().optional(),
    assignUserId: z.uuid().optional(),
    labels: z.array(label).max(10).optional(),
    priority: prioritySchema.optional(),
  })
  .refine(
    (actions) => Object.values(actions).some((value) => value !== undefined && (!Array.isArray(value) || value.length > 0)),
    'Een regel doet iets: wijs toe, label of geef prioriteit',
  );
export type RoutingActions = z.infer<typeof routingActionsSchema>;

export const routingRuleSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number().int(),
  active: z.boolean(),
  conditions: routingConditionsSchema,
  actions: z.object({
    assignTeamId: z.uuid().optional(),
    assignUserId: z.uuid().optional(),
    labels: z.array(z.string()).optional(),
    priority: prioritySchema.optional(),
  }),
  updatedAt: isoDateTime,
});
export type RoutingRule = z.infer<typeof routingRuleSchema>;

export const routingRuleCreateSchema = z.strictObject({
  name: z.string().trim().min(1, 'Geef de regel een naam').max(120),
  position: z.number().int().min(0).max(10_000).default(100),
  active: z.boolean().default(true),
  conditions: routingConditionsSchema.default({}),
  actions: routingActionsSchema,
});

export const routingRuleChangeSchema = z.strictObject({
  name: routingRuleCreateSchema.shape.name.optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
  conditions: routingConditionsSchema.optional(),
  actions: routingActionsSchema.optional(),
});

export const WEEKDAY_CODES = WEEKDAYS;

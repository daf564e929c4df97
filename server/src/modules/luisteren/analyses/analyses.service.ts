import {
  ANALYSIS_KIND_LABELS,
  type Analysis,
  type AnalysisFigures,
  type AnalysisKind,
  type AnalysisSummary,
  type analysisChangeSchema,
  type analysisCreateSchema,
  type analysisSendSchema,
} from '@contracts/analyses';
import { recordAudit } from '@platform/audit/audit.service';
import type { Clock } from '@platform/clock.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { Db } from '@platform/db/database.client';
import { badRequest, conflict, notFound } from '@platform/http/http.errors';
import { enqueueJob } from '@platform/jobs/jobs.service';
import { assertActsForOwnMunicipality } from '@platform/organisations/organisations.service';
import { actsForMunicipality, assertCan } from '@platform/tenancy/policy.rules';
import type { z } from 'zod';
import { resolveFilter } from '../explore/explore.service';
import type { ResolvedFilter } from '../explore/item-filter.repository';
import { findMonitor } from '../monitors/monitors.repository';
import { type AnalysisWithMonitor, findAnalyses, findAnalysis, insertAnalysis, markSent, updateAnalysis } from './analyses.repository';
import { renderAnalysisPdf } from './analysis.pdf';
import { draftSections, formatDay } from './analysis-draft.rules';
import { composeFigures } from './analysis-figures.service';

const toSummary = (
  row: {
    id: string;
    kind: AnalysisKind;
    title: string;
    status: 'concept' | 'definitief';
    period_from: Date;
    period_until: Date;
    schedule_id: string | null;
    sent_at: Date | null;
    updated_at: Date;
  },
  total: number,
): AnalysisSummary => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  status: row.status,
  from: row.period_from.toISOString(),
  until: row.period_until.toISOString(),
  total,
  scheduled: row.schedule_id !== null,
  sentAt: row.sent_at?.toISOString() ?? null,
  updatedAt: row.updated_at.toISOString(),
});

function toView(row: AnalysisWithMonitor): Analysis {
  const figures = row.figures as AnalysisFigures;
  return {
    ...toSummary(row, figures.total),
    monitorId: row.monitor_id,
    monitorName: row.monitor_name,
    query: row.query,
    municipalityId: row.municipality_id,
    aanleiding: row.aanleiding,
    analyse: row.analyse,
    advies: row.advies,
    figures,
    recipients: row.recipients,
    version: row.version,
    sentVersion: row.sent_version,
  };
}

export async function listAnalyses(ctx: ServiceContext) {
  assertCan(ctx.actor, 'listening.read');
  const rows = await findAnalyses(ctx.db, ctx.actor.organisationId, 200);
  // An analysis about one municipality is for those who work for it, as its messages are.
  return rows.filter((row) => !row.municipality_id || actsForMunicipality(ctx.actor, row.municipality_id)).map((row) => toSummary(row, row.total));
}

async function visibleAnalysis(ctx: ServiceContext, id: string) {
  const row = await findAnalysis(ctx.db, ctx.actor.organisationId, id);
  if (!row || (row.municipality_id && !actsForMunicipality(ctx.actor, row.municipality_id))) throw notFound('De analyse');
  return row;
}

export async function getAnalysis(ctx: ServiceContext, id: string) {
  assertCan(ctx.actor, 'listening.read');
  return toView(await visibleAnalysis(ctx, id));
}

interface DraftInput {
  organisationId: string;
  kind: AnalysisKind;
  title?: string;
  monitor: { id: string; name: string } | null;
  query: string | null;
  municipalityId: string | null;
  filter: ResolvedFilter & { from: Date; until: Date };
  recipients: string[];
  createdBy: string | null;
  schedule?: { id: string; dueAt: Date };
}

// Figures, a first text and the row, for a person's "Nieuwe analyse" and for the planner alike.
export async function draftAnalysis(db: Db, clock: Clock, input: DraftInput) {
  const now = clock.now();
  const figures = await composeFigures(db, input.organisationId, input.filter, now);
  const subject = input.monitor ? input.monitor.name : input.query ? `"${input.query}"` : 'alle berichten';
  const sections = draftSections({ kind: input.kind, subject, from: input.filter.from, until: input.filter.until, figures });
  return insertAnalysis(db, {
    organisation_id: input.organisationId,
    kind: input.kind,
    title: input.title ?? `${ANALYSIS_KIND_LABELS[input.kind]} ${subject} tot ${formatDay(input.filter.until)}`.slice(0, 160),
    monitor_id: input.monitor?.id ?? null,
    query: input.query,
    municipality_id: input.municipalityId,
    period_from: input.filter.from,
    period_until: input.filter.until,
    ...sections,
    figures: JSON.stringify(figures),
    recipients: JSON.stringify(input.recipients),
    schedule_id: input.schedule?.id ?? null,
    due_at: input.schedule?.dueAt ?? null,
    created_by: input.createdBy,
    created_at: now,
    updated_by: input.createdBy,
    updated_at: now,
  });
}

export async function checkMonitor(ctx: ServiceContext, monitorId: string | null) {
  if (!monitorId) return null;
  const monitor = await findMonitor(ctx.db, ctx.actor.organisationId, monitorId);
  if (!monitor || (monitor.municipality_id && !actsForMunicipality(ctx.actor, monitor.municipality_id))) {
    throw badRequest('onbekende-monitor', 'Deze monitor bestaat niet (meer).', [
      { name: 'monitorId', code: 'onbekend', reason: 'Kies een bestaande monitor.' },
    ]);
  }
  return { id: monitor.id, name: monitor.name };
}

export async function createAnalysis(ctx: ServiceContext, input: z.infer<typeof analysisCreateSchema>) {
  assertCan(ctx.actor, 'listening.manage');
  await assertActsForOwnMunicipality(ctx, input.municipalityId);
  const monitor = await checkMonitor(ctx, input.monitorId);
  const filter = resolveFilter(ctx, {
    monitor: monitor?.id,
    q: input.query ?? undefined,
    gemeente: input.municipalityId ?? undefined,
    van: input.from,
    tot: input.until,
  });
  const from = filter.from!;
  const until = filter.until!;
  if (until.getTime() - from.getTime() > 366 * 86_400_000) {
    throw badRequest('periode-te-lang', 'Een analyse beslaat hoogstens een jaar.', [{ name: 'until', code: 'te-lang', reason: 'Kies een kortere periode.' }]);
  }
  return runInTransaction(ctx, async (tx) => {
    const created = await draftAnalysis(tx.db, tx.clock, {
      organisationId: tx.actor.organisationId,
      kind: input.kind,
      title: input.title,
      monitor,
      query: input.query,
      municipalityId: input.municipalityId,
      filter: { ...filter, from, until },
      recipients: input.recipients,
      createdBy: tx.actor.userId || null,
    });
    await recordAudit(tx, { action: 'analyse.aangemaakt', recordType: 'analyse', recordId: created!.id, details: { kind: input.kind } });
    return toView((await findAnalysis(tx.db, tx.actor.organisationId, created!.id))!);
  });
}

export async function changeAnalysis(ctx: ServiceContext, id: string, input: z.infer<typeof analysisChangeSchema>) {
  assertCan(ctx.actor, 'listening.manage');
  return runInTransaction(ctx, async (tx) => {
    const row = await visibleAnalysis(tx, id);
    const editsText = input.title !== undefined || input.aanleiding !== undefined || input.analyse !== undefined || input.advies !== undefined;
    // A definitive analysis may have been sent to the college: it changes only after being reopened as concept.
    if (row.status === 'definitief' && editsText && input.status !== 'concept') {
      throw conflict('analyse-definitief', 'Deze analyse is definitief. Zet haar eerst terug naar concept om de tekst te wijzigen.');
    }
    await updateAnalysis(tx.db, tx.actor.organisationId, id, {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.aanleiding !== undefined && { aanleiding: input.aanleiding }),
      ...(input.analyse !== undefined && { analyse: input.analyse }),
      ...(input.advies !== undefined && { advies: input.advies }),
      ...(input.status !== undefined && { status: input.status }),
      ...(input.recipients !== undefined && { recipients: JSON.stringify(input.recipients) }),
      version: row.version + 1,
      updated_by: tx.actor.userId || null,
      updated_at: tx.clock.now(),
    });
    await recordAudit(tx, {
      action: input.status === 'definitief' && row.status !== 'definitief' ? 'analyse.definitief' : 'analyse.gewijzigd',
      recordType: 'analyse',
      recordId: id,
      details: { version: row.version + 1 },
    });
    return toView((await findAnalysis(tx.db, tx.actor.organisationId, id))!);
  });
}

// Mail has no attachments in Plein (platform/mail/mailer.client.ts): the mail links to the analysis and its PDF, both
// behind sign-in, so an analysis with names and quotes does not travel as a file.
export async function sendAnalysis(ctx: ServiceContext, id: string, input: z.infer<typeof analysisSendSchema>, publicUrl: string) {
  assertCan(ctx.actor, 'listening.manage');
  return runInTransaction(ctx, async (tx) => {
    const row = await visibleAnalysis(tx, id);
    const recipients = input.recipients ?? row.recipients;
    if (recipients.length === 0) {
      throw badRequest('geen-ontvangers', 'Geef minstens één ontvanger.', [{ name: 'recipients', code: 'leeg', reason: 'Vul een e-mailadres in.' }]);
    }
    if (!(await markSent(tx.db, tx.actor.organisationId, id, row.version, tx.clock.now()))) {
      throw conflict('al-verstuurd', 'Deze versie van de analyse is al verstuurd. Wijzig haar om een nieuwe versie te versturen.');
    }
    const text = [
      'Goedemorgen,',
      '',
      `Hierbij de ${ANALYSIS_KIND_LABELS[row.kind].toLowerCase()} "${row.title}" (${row.status}).`,
      '',
      `Lezen in Plein: ${publicUrl}/luisteren/analyses/${id}`,
      `Als PDF: ${publicUrl}/api/v1/analyses/${id}/pdf`,
      '',
      row.aanleiding.split('\n\n')[0] ?? '',
    ].join('\n');
    for (const to of recipients) {
      await enqueueJob(tx.db, {
        organisationId: tx.actor.organisationId,
        name: 'mail.versturen',
        runAt: tx.clock.now(),
        payload: { to, subject: row.title, text },
      });
    }
    if (input.recipients) await updateAnalysis(tx.db, tx.actor.organisationId, id, { recipients: JSON.stringify(recipients) });
    await recordAudit(tx, {
      action: 'analyse.verstuurd',
      recordType: 'analyse',
      recordId: id,
      details: { version: row.version, recipients: recipients.length },
    });
    return toView((await findAnalysis(tx.db, tx.actor.organisationId, id))!);
  });
}

export async function exportAnalysisPdf(ctx: ServiceContext, id: string) {
  assertCan(ctx.actor, 'listening.read');
  const analysis = toView(await visibleAnalysis(ctx, id));
  return { fileName: `${analysis.kind}-analyse-${analysis.until.slice(0, 10)}.pdf`, pdf: await renderAnalysisPdf(analysis, ctx.clock.now()) };
}

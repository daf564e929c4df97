import type {
  KnowledgeArticle,
  KnowledgeArticleVersion,
  knowledgeArticleChangeSchema,
  knowledgeArticleCreateSchema,
  knowledgeSearchQuery,
} from '@contracts/knowledge';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { KnowledgeArticleRow, KnowledgeArticleVersionRow } from '@platform/db/database.schema';
import { notFound } from '@platform/http/http.errors';
import { assertActsForOwnMunicipality } from '@platform/organisations/organisations.service';
import { assertCan } from '@platform/tenancy/policy.rules';
import type { z } from 'zod';
import { findArticle, findArticleVersions, insertArticle, insertArticleVersion, searchArticles, updateArticle } from './articles.repository';

type ArticleCreate = z.infer<typeof knowledgeArticleCreateSchema>;
type ArticleChange = z.infer<typeof knowledgeArticleChangeSchema>;
type SearchQuery = z.infer<typeof knowledgeSearchQuery>;

type ArticleRow = Omit<KnowledgeArticleRow, 'search'>;

export function toArticleView(row: ArticleRow): KnowledgeArticle {
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    version: row.version,
    question: row.question,
    answer: row.answer,
    contact: row.contact,
    link: row.link,
    labels: row.labels,
    archived: row.archived_at !== null,
    updatedAt: row.updated_at.toISOString(),
  };
}

function toVersionView(row: KnowledgeArticleVersionRow): KnowledgeArticleVersion {
  return {
    municipalityId: row.municipality_id,
    version: row.version,
    question: row.question,
    answer: row.answer,
    contact: row.contact,
    link: row.link,
    labels: row.labels,
    archived: row.archived,
    authorName: row.author_name,
    createdAt: row.created_at.toISOString(),
  };
}

// The current version of every article that matches, best first; archived ones only when asked for.
export async function listArticles(ctx: ServiceContext, query: SearchQuery) {
  assertCan(ctx.actor, 'inbox.read');
  const rows = await searchArticles(ctx.db, ctx.actor.organisationId, {
    q: query.q,
    municipalityId: query.municipalityId,
    includeArchived: query.archived === 'ja',
    limit: query.limit,
  });
  return rows.map(toArticleView);
}

async function existingArticle(ctx: ServiceContext, articleId: string, lock = false) {
  const row = await findArticle(ctx.db, ctx.actor.organisationId, articleId, lock);
  if (!row) throw notFound('Het kennisbankartikel');
  return row;
}

export async function getArticle(ctx: ServiceContext, articleId: string) {
  assertCan(ctx.actor, 'inbox.read');
  return toArticleView(await existingArticle(ctx, articleId));
}

export async function listArticleVersions(ctx: ServiceContext, articleId: string) {
  assertCan(ctx.actor, 'inbox.read');
  await existingArticle(ctx, articleId);
  return (await findArticleVersions(ctx.db, ctx.actor.organisationId, articleId)).map(toVersionView);
}

// A version records the whole article as it was saved, so any earlier answer can be read back as given.
function versionOf(tx: ServiceContext, row: ArticleRow) {
  return {
    organisation_id: row.organisation_id,
    article_id: row.id,
    version: row.version,
    municipality_id: row.municipality_id,
    question: row.question,
    answer: row.answer,
    contact: row.contact,
    link: row.link,
    labels: row.labels,
    archived: row.archived_at !== null,
    author_user_id: tx.actor.userId || null,
    author_name: tx.actor.name,
    created_at: row.updated_at,
  };
}

export async function createArticle(ctx: ServiceContext, input: ArticleCreate) {
  assertCan(ctx.actor, 'knowledge.manage');
  await assertActsForOwnMunicipality(ctx, input.municipalityId);
  return runInTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const row = await insertArticle(tx.db, {
      organisation_id: tx.actor.organisationId,
      municipality_id: input.municipalityId,
      question: input.question,
      answer: input.answer,
      contact: input.contact,
      link: input.link,
      labels: [...new Set(input.labels)],
      created_at: now,
      updated_at: now,
    });
    await insertArticleVersion(tx.db, versionOf(tx, row));
    await recordAudit(tx, {
      action: 'kennisbankartikel.aangemaakt',
      recordType: 'kennisbankartikel',
      recordId: row.id,
      details: { municipalityId: row.municipality_id },
    });
    return toArticleView(row);
  });
}

// Every change that alters the article is a new version; saving without a difference changes nothing.
export async function changeArticle(ctx: ServiceContext, articleId: string, input: ArticleChange) {
  assertCan(ctx.actor, 'knowledge.manage');
  if (input.municipalityId !== undefined) await assertActsForOwnMunicipality(ctx, input.municipalityId);
  return runInTransaction(ctx, async (tx) => {
    const current = await existingArticle(tx, articleId, true);
    await assertActsForOwnMunicipality(tx, current.municipality_id);
    const next = {
      municipality_id: input.municipalityId !== undefined ? input.municipalityId : current.municipality_id,
      question: input.question ?? current.question,
      answer: input.answer ?? current.answer,
      contact: input.contact ?? current.contact,
      link: input.link !== undefined ? input.link : current.link,
      labels: input.labels ? [...new Set(input.labels)] : current.labels,
      archived_at: input.archived === undefined ? current.archived_at : input.archived ? (current.archived_at ?? tx.clock.now()) : null,
    };
    const same = (Object.keys(next) as (keyof typeof next)[]).every((key) => JSON.stringify(next[key]) === JSON.stringify(current[key]));
    if (same) return toArticleView(current);
    const row = await updateArticle(tx.db, tx.actor.organisationId, articleId, { ...next, version: current.version + 1, updated_at: tx.clock.now() });
    await insertArticleVersion(tx.db, versionOf(tx, row));
    const action =
      input.archived === true && !current.archived_at ? 'gearchiveerd' : input.archived === false && current.archived_at ? 'hersteld' : 'gewijzigd';
    await recordAudit(tx, { action: `kennisbankartikel.${action}`, recordType: 'kennisbankartikel', recordId: row.id, details: { version: row.version } });
    return toArticleView(row);
  });
}

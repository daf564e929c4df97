import type { KnowledgeArticle, ReplyPlaceholder } from '@contracts/knowledge';
import { fillPlaceholders } from '@contracts/melding-texts';
import { formatSignature } from '@contracts/reply-checks';

export interface PlaceholderContext {
  residentName: string | null;
  municipalityName: string | null;
  agentName: string;
  initials: string;
}

// What the composer knows for the placeholders of a standard text; one it cannot fill stays in the text,
// and the pre-send check then stops the reply until the agent fills it in.
export function collectPlaceholderValues(context: PlaceholderContext): Partial<Record<ReplyPlaceholder, string>> {
  return {
    ...(context.residentName && { naam: context.residentName }),
    ...(context.municipalityName && { gemeente: context.municipalityName }),
    medewerker: context.agentName.split(/\s+/)[0] ?? context.agentName,
    ...(context.initials && { initialen: formatSignature(context.initials) }),
  };
}

// An article becomes one reply: the answer, then who helps further and where to read more.
export function composeArticleReply(article: Pick<KnowledgeArticle, 'answer' | 'contact' | 'link'>): string {
  return [article.answer.trim(), article.contact.trim() && `Vragen? ${article.contact.trim()}.`, article.link ?? ''].filter(Boolean).join(' ');
}

export function fillReplyText(text: string, context: PlaceholderContext): string {
  return fillPlaceholders(text, collectPlaceholderValues(context));
}

// Puts inserted text where the cursor is, with a space or line break between it and what is there.
export function insertAt(current: string, insertion: string, position: number): { text: string; cursor: number } {
  const before = current.slice(0, position);
  const after = current.slice(position);
  const lead = before && !/\s$/.test(before) ? ' ' : '';
  const trail = after && !/^\s/.test(after) ? ' ' : '';
  const text = `${before}${lead}${insertion}${trail}${after}`;
  return { text, cursor: before.length + lead.length + insertion.length };
}

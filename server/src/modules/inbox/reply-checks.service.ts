import type { Channel } from '@contracts/channels';
import { checkReply, type ReplyCheckResult } from '@contracts/reply-checks';
import type { ServiceContext } from '@platform/context.service';
import type { ConversationRow } from '@platform/db/database.schema';
import { AppError, badRequest } from '@platform/http/http.errors';
import { assertCan } from '@platform/tenancy/policy.rules';
import { getToneCode } from '../knowledge/index';
import { findVisibleConversation } from './conversation-access.service';

interface ReplyDraft {
  text: string;
  private?: boolean;
  confirmedWarnings?: boolean;
  media?: { imageId: string; altText: string }[];
}

// A reply is public when the conversation is and the agent did not choose a private answer.
function isPublic(conversation: ConversationRow, draft: ReplyDraft) {
  return conversation.visibility === 'openbaar' && !draft.private;
}

// What the composer shows before sending: the same checks the reply itself must pass, and the tone code.
export async function checkConversationReply(ctx: ServiceContext, conversationId: string, draft: ReplyDraft): Promise<ReplyCheckResult> {
  assertCan(ctx.actor, 'inbox.handle');
  const conversation = await findVisibleConversation(ctx, conversationId);
  const { questions } = await getToneCode(ctx);
  const result = checkReply({ channel: conversation.channel as Channel, text: draft.text, public: isPublic(conversation, draft), images: draft.media });
  return { ...result, toneQuestions: questions, public: isPublic(conversation, draft) };
}

// Refuses a reply with a blocking problem (400) and one with warnings the agent has not confirmed (422:
// the text is valid, but a person must look again; 409 stays for a reused idempotency key). Returns the
// parts to send: one text, or a numbered thread where the channel allows.
export function assertReplyPasses(conversation: ConversationRow, draft: ReplyDraft): string[] {
  const result = checkReply({ channel: conversation.channel as Channel, text: draft.text, public: isPublic(conversation, draft), images: draft.media });
  const first = result.blocking[0];
  if (first) {
    throw badRequest(
      first.code,
      result.blocking.map((problem) => problem.message).join(' '),
      result.blocking.map((problem) => ({ name: problem.field ?? 'text', code: problem.code, reason: problem.message })),
    );
  }
  if (result.warnings.length > 0 && !draft.confirmedWarnings) {
    throw new AppError(
      422,
      'waarschuwingen-bevestigen',
      'Controleer het antwoord',
      `Controleer dit antwoord: ${result.warnings.map((warning) => warning.message).join(' ')} Is het zo goed, verstuur dan opnieuw met confirmedWarnings: true.`,
      result.warnings.map((warning) => ({ name: 'text', code: warning.code, reason: warning.message })),
    );
  }
  return result.parts;
}

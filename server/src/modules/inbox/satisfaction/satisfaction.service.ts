import { replyIsPublic } from '@contracts/channel-limits';
import type { Channel } from '@contracts/channels';
import type { satisfactionFiguresQuery } from '@contracts/conversation-satisfaction';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import { notFound } from '@platform/http/http.errors';
import { reportMunicipalities } from '@platform/organisations/organisations.service';
import { actsForMunicipality, assertCan, scopeWholeOrganisation } from '@platform/tenancy/policy.rules';
import { resolveReportPeriod } from '@platform/time/local-days.rules';
import { findTeams } from '@platform/users/teams.repository';
import { findUsers } from '@platform/users/users.repository';
import type { z } from 'zod';
import { findChannelAccount, listChannelAccounts, setAccountSatisfactionSurvey } from '../../channels/index';
import { findVisibleConversation } from '../conversation-access.service';
import { findSurveysOfConversation, findSurveysSent } from './surveys.repository';

type FiguresQuery = z.infer<typeof satisfactionFiguresQuery>;
type Sent = Awaited<ReturnType<typeof findSurveysSent>>[number];

function figuresOf(rows: Sent[]) {
  const scores = rows.filter((row) => row.answered_at !== null && row.score !== null).map((row) => row.score!);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    sent: rows.length,
    responses: scores.length,
    average: scores.length === 0 ? null : round(scores.reduce((sum, score) => sum + score, 0) / scores.length),
    satisfiedPct: scores.length === 0 ? null : round((scores.filter((score) => score >= 4).length / scores.length) * 100),
    distribution: [1, 2, 3, 4, 5].map((value) => scores.filter((score) => score === value).length),
  };
}

function groupBy<K>(rows: Sent[], key: (row: Sent) => K) {
  const groups = new Map<K, Sent[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

// Scores per agent, team and account over the questions sent in a period. The agent is who answered the
// resident last (the reply being judged), else who closed the conversation; both as they were at closing.
// Per-person scores are about colleagues: the roles that run the inbox read them, not everyone.
export async function computeSatisfactionFigures(ctx: ServiceContext, query: FiguresQuery) {
  assertCan(ctx.actor, 'inbox.read');
  const organisationId = ctx.actor.organisationId;
  const { municipalities, selected, scope } = await reportMunicipalities(ctx, query.municipality);
  const period = resolveReportPeriod(query, selected[0]?.time_zone ?? 'Europe/Amsterdam', ctx.clock.now());
  const rows = await findSurveysSent(ctx.db, scope, {
    from: period.fromInstant,
    until: period.untilInstant,
  });
  const [users, teams, accounts] = await Promise.all([
    findUsers(ctx.db, organisationId),
    findTeams(ctx.db, organisationId),
    listChannelAccounts(ctx.db, scopeWholeOrganisation(organisationId)),
  ]);
  const userName = new Map(users.map((user) => [user.id, user.name]));
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  const accountOf = new Map(accounts.map((account) => [account.id, account]));
  const cbs = new Map(municipalities.map((m) => [m.id, m.cbs_code]));
  return {
    from: period.from,
    to: period.to,
    total: figuresOf(rows),
    agents: [...groupBy(rows, (row) => row.answered_by_user_id ?? row.closed_by_user_id)].map(([userId, group]) => ({
      userId,
      name: (userId && userName.get(userId)) || 'Onbekend',
      ...figuresOf(group),
    })),
    teams: [...groupBy(rows, (row) => row.team_id)].map(([teamId, group]) => ({
      teamId,
      name: (teamId && teamName.get(teamId)) || 'Zonder team',
      ...figuresOf(group),
    })),
    accounts: [...groupBy(rows, (row) => row.account_id)].map(([accountId, group]) => {
      const account = accountOf.get(accountId);
      return {
        accountId,
        handle: account?.handle ?? '',
        channel: account?.channel ?? '',
        municipality: (account && cbs.get(account.municipality_id)) ?? '',
        ...figuresOf(group),
      };
    }),
    // What residents wrote says more than the average; the newest first, each with whom and where it was about.
    comments: rows
      .filter((row) => row.answered_at !== null && row.score !== null && row.comment)
      .sort((a, b) => b.answered_at!.getTime() - a.answered_at!.getTime())
      .slice(0, 200)
      .map((row) => {
        const agentId = row.answered_by_user_id ?? row.closed_by_user_id;
        return {
          answeredAt: row.answered_at!.toISOString(),
          score: row.score!,
          comment: row.comment!,
          agent: (agentId && userName.get(agentId)) || 'Onbekend',
          team: (row.team_id && teamName.get(row.team_id)) || 'Zonder team',
          account: accountOf.get(row.account_id)?.handle ?? '',
        };
      }),
  };
}

export async function getConversationSatisfaction(ctx: ServiceContext, conversationId: string) {
  assertCan(ctx.actor, 'inbox.read');
  const conversation = await findVisibleConversation(ctx, conversationId);
  const surveys = await findSurveysOfConversation(ctx.db, ctx.actor.organisationId, conversation.id);
  const answerIn = replyIsPublic(conversation.channel as Channel, conversation.visibility) ? ('gesprek' as const) : ('link' as const);
  return {
    surveys: surveys.map((survey) => ({
      answerIn,
      sentAt: survey.sent_at.toISOString(),
      expiresAt: survey.expires_at.toISOString(),
      answeredAt: survey.answered_at?.toISOString() ?? null,
      score: survey.score,
      comment: survey.comment,
    })),
  };
}

export async function getSatisfactionSurveySetting(ctx: ServiceContext, accountId: string) {
  assertCan(ctx.actor, 'channels.read');
  const account = await findChannelAccount(ctx.db, ctx.actor.organisationId, accountId);
  if (!account || !actsForMunicipality(ctx.actor, account.municipality_id)) throw notFound('Dit kanaalaccount');
  return { enabled: account.satisfaction_survey };
}

// Per account the question can be switched off (an account for press contacts, a channel residents
// should not be messaged on again).
export async function setSatisfactionSurvey(ctx: ServiceContext, accountId: string, enabled: boolean) {
  assertCan(ctx.actor, 'channels.manage');
  return runInTransaction(ctx, async (tx) => {
    const account = await findChannelAccount(tx.db, tx.actor.organisationId, accountId);
    if (!account || !actsForMunicipality(tx.actor, account.municipality_id)) throw notFound('Dit kanaalaccount');
    await setAccountSatisfactionSurvey(tx.db, tx.actor.organisationId, account.id, enabled);
    await recordAudit(tx, { action: 'kanaal.tevredenheidsvraag', recordType: 'kanaalaccount', recordId: account.id, details: { enabled } });
    return { enabled };
  });
}

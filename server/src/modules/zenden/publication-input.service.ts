import { CHANNEL_REQUIREMENTS } from '@contracts/channel-fields';
import { CHANNEL_CAPABILITIES, checkLength } from '@contracts/channel-limits';
import type { Channel } from '@contracts/channels';
import type { PublicationCreate } from '@contracts/publications';
import type { ServiceContext } from '@platform/context.service';
import { badRequest, type InvalidParam } from '@platform/http/http.errors';
import { findMunicipality } from '@platform/organisations/organisations.repository';
import { actsForMunicipality } from '@platform/tenancy/policy.rules';
import { findChannelAccount } from '../channels/index';
import { type ApprovalLevel, countRequiredApprovals } from './approval.rules';
import { readPlannedMoment } from './planned-moment.rules';
import { findAccountSettings } from './publication-settings.repository';

// The checks of what a person planned, before anything is stored: each problem in Dutch at its own field.

type ChannelAccount = NonNullable<Awaited<ReturnType<typeof findChannelAccount>>>;

// A minute of grace: a post planned "now" in a form that took a few seconds to send is not in the past.
const PAST_GRACE_MS = 60_000;

export async function loadMunicipalityOf(ctx: ServiceContext, municipalityId: string) {
  const municipality = await findMunicipality(ctx.db, ctx.actor.organisationId, municipalityId);
  if (!municipality || !actsForMunicipality(ctx.actor, municipalityId)) {
    throw badRequest('onbekende-gemeente', 'Deze gemeente hoort niet bij uw organisatie.', [
      { name: 'municipalityId', code: 'onbekend', reason: 'Kies een gemeente van uw organisatie.' },
    ]);
  }
  return municipality;
}

export function readFutureMoment(ctx: ServiceContext, text: string, zone: string): Date {
  const moment = readPlannedMoment(text, zone);
  if (!moment) {
    throw badRequest('ongeldig-tijdstip', 'Het tijdstip is geen datum en tijd.', [
      { name: 'plannedAt', code: 'ongeldig', reason: 'Vul een datum en tijd in, zoals 2027-03-28T09:30.' },
    ]);
  }
  if (moment.getTime() < ctx.clock.now().getTime() - PAST_GRACE_MS) {
    throw badRequest('tijdstip-voorbij', 'Dit tijdstip is al voorbij.', [{ name: 'plannedAt', code: 'voorbij', reason: 'Kies een tijdstip in de toekomst.' }]);
  }
  return moment;
}

// Every variant checked before anything is stored, each problem named at its own field: the account belongs to the
// municipality, can post, has its credentials, and the text fits as the platform counts.
export async function checkVariants(ctx: ServiceContext, input: { municipalityId: string; variants: PublicationCreate['variants'] }) {
  const problems: InvalidParam[] = [];
  const accounts: ChannelAccount[] = [];
  const seen = new Set<string>();
  for (const [index, variant] of input.variants.entries()) {
    const field = `variants.${index}`;
    const account = await findChannelAccount(ctx.db, ctx.actor.organisationId, variant.accountId);
    if (!account || account.municipality_id !== input.municipalityId) {
      problems.push({ name: `${field}.accountId`, code: 'onbekend', reason: 'Dit account hoort niet bij deze gemeente.' });
      continue;
    }
    const channel = account.channel as Channel;
    const capabilities = CHANNEL_CAPABILITIES[channel];
    if (seen.has(account.id)) problems.push({ name: `${field}.accountId`, code: 'dubbel', reason: `${account.handle} staat er twee keer in.` });
    seen.add(account.id);
    if (!capabilities.post) {
      problems.push({ name: `${field}.accountId`, code: 'niet-mogelijk', reason: `Via ${capabilities.label} kan Plein geen bericht plaatsen.` });
      continue;
    }
    const needsSecret = CHANNEL_REQUIREMENTS[channel].fields.some((requirement) => requirement.kind === 'secret' && requirement.required);
    if (needsSecret && account.secrets_sealed === null) {
      problems.push({
        name: `${field}.accountId`,
        code: 'geen-inloggegevens',
        reason: `${account.handle} heeft geen inloggegevens; koppel het account eerst in Beheer → Kanalen.`,
      });
    }
    const length = checkLength(channel, variant.text);
    if (!length.fits) {
      problems.push({ name: `${field}.text`, code: 'te-lang', reason: `${length.length} van de ${length.max} tekens die ${capabilities.label} toestaat.` });
    }
    accounts.push(account);
  }
  if (problems.length > 0) throw badRequest('publicatie-ongeldig', 'Het bericht kan zo niet worden gepland.', problems);
  return accounts;
}

// What the chosen accounts ask before a post may go out: the strictest one's approval, and whether every one of them
// is a crisis account (the only accounts whose posts may take the fast path).
export async function readAccountRules(ctx: ServiceContext, accountIds: string[]) {
  const settings = await findAccountSettings(ctx.db, ctx.actor.organisationId, accountIds);
  const levels: ApprovalLevel[] = accountIds.map((id) => settings.find((setting) => setting.account_id === id)?.approval ?? 'geen');
  return {
    approvalsRequired: countRequiredApprovals(levels),
    allCrisisAccounts: accountIds.every((id) => settings.find((setting) => setting.account_id === id)?.crisis_account === true),
  };
}

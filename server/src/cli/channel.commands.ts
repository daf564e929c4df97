import { CHANNEL_REQUIREMENTS } from '@contracts/channel-fields';
import { CHANNELS, type Channel } from '@contracts/channels';
import type { Clock } from '@platform/clock.service';
import { cliOrigin } from '@platform/context.service';
import type { Db } from '@platform/db/database.client';
import { findMunicipalities, findOrganisationBySlug } from '@platform/organisations/organisations.repository';
import { addAccount, resealAccountSecrets, type SecretKeys } from '../modules/channels/index';
import { UsageError } from './cli.errors';
import { makeOperatorActor } from './operator.service';

export function parseChannel(value: string | undefined): Channel {
  if (!value) throw new UsageError('--channel', `--channel ontbreekt. Kies uit: ${CHANNELS.join(', ')}.`);
  if (!(CHANNELS as readonly string[]).includes(value))
    throw new UsageError('--channel', `--channel "${value}" bestaat niet. Kies uit: ${CHANNELS.join(', ')}.`);
  return value as Channel;
}

// The secret that --password-stdin fills: the first one the channel requires (app password, token, mailbox password).
export function getStdinSecretKey(channel: Channel): string | null {
  return CHANNEL_REQUIREMENTS[channel].fields.find((field) => field.kind === 'secret' && field.required)?.key ?? null;
}

function parseSettings(values: string[]): Record<string, string> {
  return Object.fromEntries(
    values.map((pair) => {
      const at = pair.indexOf('=');
      if (at < 1) throw new UsageError('--setting', `--setting "${pair}" heeft niet de vorm sleutel=waarde.`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

export async function addAccountCommand(
  db: Db,
  clock: Clock,
  keys: SecretKeys,
  args: { organisation: string; municipality: string; channel: Channel; handle: string; service?: string; settings: string[]; secret: string | null },
) {
  const organisation = await findOrganisationBySlug(db, args.organisation);
  if (!organisation) throw new UsageError('--organisation', `--organisation "${args.organisation}": deze organisatie bestaat niet.`);
  const municipality = (await findMunicipalities(db, organisation.id)).find((m) => m.cbs_code === args.municipality);
  if (!municipality) throw new UsageError('--municipality', `--municipality "${args.municipality}" hoort niet bij ${organisation.slug}.`);
  const secretKey = getStdinSecretKey(args.channel);
  const ctx = { db, clock, actor: makeOperatorActor(organisation.id), origin: cliOrigin };
  return addAccount(ctx, keys, {
    municipalityId: municipality.id,
    channel: args.channel,
    handle: args.handle,
    serviceUrl: args.service,
    settings: parseSettings(args.settings),
    secrets: secretKey && args.secret ? { [secretKey]: args.secret } : undefined,
  });
}

// After a key rotation: seal every stored secret again with PLEIN_SECRET_KEY; afterwards the old key can be removed.
export async function rotateSecretsCommand(db: Db, keys: SecretKeys) {
  if (!keys.current) throw new UsageError('PLEIN_SECRET_KEY', 'PLEIN_SECRET_KEY ontbreekt: zet de nieuwe sleutel en de oude in PLEIN_SECRET_KEY_PREVIOUS.');
  return resealAccountSecrets(db, keys);
}

import { CHANNEL_CAPABILITIES } from '@contracts/channel-limits';
import type { Channel } from '@contracts/channels';
import type { ChannelResult, Publication, PublicationStatus } from '@contracts/publications';
import { useMessages } from '../../app/i18n';
import { type BadgeTone, StatusBadge } from '../../ui';
import { zendenMessages } from './zenden-messages';

const STATUS_TONES: Record<PublicationStatus, BadgeTone> = {
  'ter-goedkeuring': 'warning',
  teruggestuurd: 'error',
  gepland: 'info',
  bezig: 'warning',
  afgerond: 'ok',
  geannuleerd: 'neutral',
};
const RESULT_TONES: Record<ChannelResult, BadgeTone> = {
  gepland: 'info',
  wachtend: 'warning',
  gepubliceerd: 'ok',
  mislukt: 'error',
  onzeker: 'error',
  geannuleerd: 'neutral',
};

export function PublicationStatusBadge({ status }: { status: PublicationStatus }) {
  const t = useMessages(zendenMessages);
  return <StatusBadge tone={STATUS_TONES[status]}>{t(`status_${status}`)}</StatusBadge>;
}

export function ChannelResultBadge({ result }: { result: ChannelResult }) {
  const t = useMessages(zendenMessages);
  return <StatusBadge tone={RESULT_TONES[result]}>{t(`result_${result}`)}</StatusBadge>;
}

export const formatChannelName = (channel: string) => CHANNEL_CAPABILITIES[channel as Channel]?.label ?? channel;

// One line per channel: which account, and what became of it.
export function ChannelResults({ publication }: { publication: Publication }) {
  return (
    <ul className="plein-channel-results">
      {publication.channels.map((channel) => (
        <li key={channel.accountId} className="plein-badge-row">
          <span className="plein-break">
            {formatChannelName(channel.channel)} · {channel.handle}
          </span>
          <ChannelResultBadge result={channel.result} />
        </li>
      ))}
    </ul>
  );
}

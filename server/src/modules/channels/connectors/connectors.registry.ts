import type { Channel } from '@contracts/channels';
import type { Connector } from '../connector.types';
import { blueskyConnector } from './bluesky/bluesky.connector';
import { emailConnector } from './email/email.connector';
import { facebookConnector } from './facebook/facebook.connector';
import { instagramConnector } from './instagram/instagram.connector';
import { linkedinConnector } from './linkedin/linkedin.connector';
import { mastodonConnector } from './mastodon/mastodon.connector';
import { rssConnector } from './rss/rss.connector';
import { simulatorConnector } from './simulator/simulator.connector';
import { webformulierConnector } from './webformulier/webformulier.connector';
import { whatsappConnector } from './whatsapp/whatsapp.connector';
import { xConnector } from './x/x.connector';

// The connectors Plein has, by channel. The phone line has none: calls enter as a KCC agent's note.
const CONNECTORS: Partial<Record<Channel, Connector>> = {
  bluesky: blueskyConnector,
  rss: rssConnector,
  email: emailConnector,
  mastodon: mastodonConnector,
  facebook: facebookConnector,
  instagram: instagramConnector,
  linkedin: linkedinConnector,
  x: xConnector,
  gesimuleerd: simulatorConnector,
  webformulier: webformulierConnector,
  whatsapp: whatsappConnector,
};

export function findConnector(channel: string): Connector | undefined {
  return CONNECTORS[channel as Channel];
}

// Tests replace a connector with one they control (the stream supervisor's own rules); the app never does.
export function registerConnector(connector: Connector): void {
  CONNECTORS[connector.channel] = connector;
}

export function listPollingChannels(): Channel[] {
  return (Object.values(CONNECTORS) as Connector[]).filter((connector) => connector.poll).map((connector) => connector.channel);
}

export function listStreamingChannels(): Channel[] {
  return (Object.values(CONNECTORS) as Connector[]).filter((connector) => connector.stream).map((connector) => connector.channel);
}

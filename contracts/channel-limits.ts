import twitterText from 'twitter-text';
import type { Channel } from './channels';

// What each platform allows, as its documentation states it. The composer (web) and the outbox (server)
// both count with countText, so an agent never sees "fits" for a text the platform will refuse.
export type CountingRule = 'graphemes' | 'twitter' | 'mastodon' | 'codepoints' | 'none';

export interface ChannelCapabilities {
  label: string;
  maxLength: number | null;
  counting: CountingRule;
  inbound: ('poll' | 'stream' | 'webhook' | 'form' | 'manual' | 'simulator')[];
  post: boolean;
  reply: boolean;
  direct: boolean;
  // Whether a person's private messages on this platform form one running conversation: direct messages have no
  // threads of their own. E-mail, the web form and phone notes do have threads (or are one message each).
  oneConversationPerPerson: boolean;
  // Whether what comes in is only listened to (a feed), never a conversation with a resident.
  listeningOnly: boolean;
  // Whether an answer to a public message is public too: a reply under a post or comment that anyone reading
  // the thread sees (and can answer). False where only the resident gets it (e-mail, WhatsApp, the form's mail).
  // A conversation of direct messages is private on every channel: see replyIsPublic.
  publicReplies: boolean;
  delete: boolean;
  // Whether a long text may be split into a numbered thread (1/3, 2/3, …).
  threads: boolean;
  // inReplies: whether Plein's connector sends images with an answer to a resident (the composer refuses
  // them before sending where it cannot; Facebook and Instagram comments, LinkedIn, WhatsApp have no images yet).
  media: { maxImages: number; maxBytes: number; types: string[]; altTextMax: number | null; inReplies: boolean };
}

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
const noMedia = { maxImages: 0, maxBytes: 0, types: [], altTextMax: null, inReplies: false };

export const CHANNEL_CAPABILITIES: Record<Channel, ChannelCapabilities> = {
  // AT Protocol app.bsky.feed.post: text maxGraphemes 300; app.bsky.embed.images: 4 images, blob ≤ 1,000,000 bytes.
  bluesky: {
    label: 'Bluesky',
    maxLength: 300,
    counting: 'graphemes',
    inbound: ['poll'],
    post: true,
    reply: true,
    direct: false,
    oneConversationPerPerson: true,
    listeningOnly: false,
    publicReplies: true,
    delete: true,
    threads: true,
    media: { maxImages: 4, maxBytes: 1_000_000, types: ['image/jpeg', 'image/png', 'image/webp'], altTextMax: 2000, inReplies: true },
  },
  // Mastodon: 500 characters by default; every URL counts as 23, a mention only by its local part.
  mastodon: {
    label: 'Mastodon',
    maxLength: 500,
    counting: 'mastodon',
    inbound: ['poll', 'stream'],
    post: true,
    reply: true,
    direct: true,
    oneConversationPerPerson: true,
    listeningOnly: false,
    publicReplies: true,
    delete: true,
    threads: true,
    media: { maxImages: 4, maxBytes: 16_777_216, types: IMAGE_TYPES, altTextMax: 1500, inReplies: true },
  },
  // X API v2: weighted length 280 as counted by twitter-text; 4 images of at most 5 MB.
  x: {
    label: 'X',
    maxLength: 280,
    counting: 'twitter',
    inbound: ['poll'],
    post: true,
    reply: true,
    direct: true,
    oneConversationPerPerson: true,
    listeningOnly: false,
    publicReplies: true,
    delete: true,
    threads: true,
    media: { maxImages: 4, maxBytes: 5_242_880, types: IMAGE_TYPES, altTextMax: 1000, inReplies: true },
  },
  facebook: {
    label: 'Facebook',
    maxLength: 63_206,
    counting: 'codepoints',
    inbound: ['poll', 'webhook'],
    post: true,
    reply: true,
    direct: true,
    oneConversationPerPerson: true,
    listeningOnly: false,
    publicReplies: true,
    delete: true,
    threads: false,
    media: { maxImages: 10, maxBytes: 10_485_760, types: IMAGE_TYPES, altTextMax: null, inReplies: false },
  },
  instagram: {
    label: 'Instagram',
    maxLength: 2_200,
    counting: 'codepoints',
    inbound: ['poll', 'webhook'],
    post: true,
    reply: true,
    direct: true,
    oneConversationPerPerson: true,
    listeningOnly: false,
    publicReplies: true,
    delete: true,
    threads: false,
    media: { maxImages: 10, maxBytes: 8_388_608, types: ['image/jpeg'], altTextMax: null, inReplies: false },
  },
  linkedin: {
    label: 'LinkedIn',
    maxLength: 3_000,
    counting: 'codepoints',
    inbound: ['poll'],
    post: true,
    reply: true,
    direct: false,
    oneConversationPerPerson: true,
    listeningOnly: false,
    publicReplies: true,
    delete: true,
    threads: false,
    media: { maxImages: 9, maxBytes: 10_485_760, types: IMAGE_TYPES, altTextMax: 4086, inReplies: false },
  },
  // WhatsApp Cloud API text messages: body up to 4,096 characters; only private conversations.
  whatsapp: {
    label: 'WhatsApp',
    maxLength: 4_096,
    counting: 'codepoints',
    inbound: ['webhook'],
    post: false,
    reply: true,
    direct: true,
    oneConversationPerPerson: true,
    listeningOnly: false,
    publicReplies: false,
    delete: false,
    threads: false,
    media: { maxImages: 1, maxBytes: 5_242_880, types: ['image/jpeg', 'image/png'], altTextMax: null, inReplies: false },
  },
  email: {
    label: 'E-mail',
    maxLength: null,
    counting: 'none',
    inbound: ['poll'],
    post: false,
    reply: true,
    direct: true,
    oneConversationPerPerson: false,
    listeningOnly: false,
    publicReplies: false,
    delete: false,
    threads: false,
    media: { maxImages: 10, maxBytes: 20_971_520, types: IMAGE_TYPES, altTextMax: null, inReplies: true },
  },
  rss: {
    label: 'RSS/Atom',
    maxLength: null,
    counting: 'none',
    inbound: ['poll'],
    post: false,
    reply: false,
    direct: false,
    oneConversationPerPerson: false,
    listeningOnly: true,
    publicReplies: false,
    delete: false,
    threads: false,
    media: noMedia,
  },
  // Residents who used the web form get their answer by e-mail.
  webformulier: {
    label: 'Webformulier',
    maxLength: null,
    counting: 'none',
    inbound: ['form'],
    post: false,
    reply: true,
    direct: true,
    oneConversationPerPerson: false,
    listeningOnly: false,
    publicReplies: false,
    delete: false,
    threads: false,
    media: noMedia,
  },
  telefoon: {
    label: 'Telefoon',
    maxLength: null,
    counting: 'none',
    inbound: ['manual'],
    post: false,
    reply: false,
    direct: false,
    oneConversationPerPerson: false,
    listeningOnly: false,
    publicReplies: false,
    delete: false,
    threads: false,
    media: noMedia,
  },
  gesimuleerd: {
    label: 'Gesimuleerd',
    maxLength: 500,
    counting: 'graphemes',
    inbound: ['simulator'],
    post: true,
    reply: true,
    direct: true,
    oneConversationPerPerson: true,
    listeningOnly: false,
    publicReplies: true,
    delete: true,
    threads: true,
    media: { maxImages: 4, maxBytes: 1_000_000, types: IMAGE_TYPES, altTextMax: 2000, inReplies: true },
  },
};

// Whether others than the resident will read an answer in this conversation: a public message on a channel
// whose replies sit in a public thread. What must reach only the resident (a personal link) goes elsewhere.
export function replyIsPublic(channel: Channel, visibility: string): boolean {
  return visibility === 'openbaar' && (CHANNEL_CAPABILITIES[channel]?.publicReplies ?? true);
}

const segmenter = new Intl.Segmenter('nl', { granularity: 'grapheme' });

function graphemes(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

// Mastodon's StatusLengthValidator: URLs weigh 23, "@user@domain" weighs as "@user", then grapheme clusters.
const MASTODON_URL_WEIGHT = 23;
const URL_PATTERN = /https?:\/\/[^\s]+/g;
const REMOTE_MENTION = /(^|[^\w@])@(\w+)@[\w.-]+\w/g;

function mastodonLength(text: string): number {
  const countable = text.replace(URL_PATTERN, 'x'.repeat(MASTODON_URL_WEIGHT)).replace(REMOTE_MENTION, '$1@$2');
  return graphemes(countable);
}

export function countText(channel: Channel, text: string): number {
  switch (CHANNEL_CAPABILITIES[channel].counting) {
    case 'twitter':
      return twitterText.parseTweet(text).weightedLength;
    case 'graphemes':
      return graphemes(text);
    case 'mastodon':
      return mastodonLength(text);
    case 'codepoints':
    case 'none':
      return [...text].length;
  }
}

export interface LengthCheck {
  length: number;
  max: number | null;
  fits: boolean;
}

export function checkLength(channel: Channel, text: string): LengthCheck {
  const max = CHANNEL_CAPABILITIES[channel].maxLength;
  const length = countText(channel, text);
  return { length, max, fits: max === null || length <= max };
}

// Splits a text into numbered parts (" (1/3)", as webcare teams number a thread) that each fit, breaking at
// word boundaries.
export function splitIntoThread(channel: Channel, text: string): string[] {
  const { maxLength, threads } = CHANNEL_CAPABILITIES[channel];
  if (maxLength === null || countText(channel, text) <= maxLength || !threads) return [text];
  const words = text.split(/(\s+)/);
  // Room for " (99/99)" at the end of each part.
  const budget = maxLength - 8;
  const parts: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current + word;
    if (countText(channel, candidate.trim()) <= budget) {
      current = candidate;
      continue;
    }
    if (current.trim()) parts.push(current.trim());
    current = word.trimStart();
    // A single word longer than a part (a very long URL) is cut hard.
    while (countText(channel, current) > budget) {
      const chars = [...current];
      let cut = budget;
      while (cut > 1 && countText(channel, chars.slice(0, cut).join('')) > budget) cut--;
      parts.push(chars.slice(0, cut).join(''));
      current = chars.slice(cut).join('');
    }
  }
  if (current.trim()) parts.push(current.trim());
  return parts.map((part, index) => `${part} (${index + 1}/${parts.length})`);
}

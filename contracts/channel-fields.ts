import type { Channel } from './channels';

// What connecting an account asks for, per channel. The form in Beheer → Kanalen, the API and the CLI
// all check against this list, so a missing token is refused at once and not at the first poll.
export interface ChannelField {
  key: string;
  label: string;
  kind: 'setting' | 'secret';
  required: boolean;
  hint?: string;
}

export interface ChannelRequirements {
  serviceUrl: { required: boolean; label: string; placeholder?: string } | null;
  handleLabel: string;
  fields: ChannelField[];
}

const token = (label = 'Toegangstoken'): ChannelField => ({ key: 'accessToken', label, kind: 'secret', required: true });
const appSecret: ChannelField = {
  key: 'appSecret',
  label: 'App-secret (voor het controleren van webhooks)',
  kind: 'secret',
  required: true,
  hint: 'Meta ondertekent elke webhook met X-Hub-Signature-256 op basis van dit secret.',
};

// Facebook and Instagram also poll, so webhooks (and their verify-token) are optional there.
const metaVerifyToken: ChannelField = {
  key: 'verifyToken',
  label: 'Verify-token voor het aanmelden van de webhook (optioneel)',
  kind: 'secret',
  required: false,
  hint: 'Zelf gekozen tekst; vul dezelfde in bij de webhook-instellingen van de Meta-app.',
};
const graphVersion: ChannelField = { key: 'graphVersion', label: 'Graph API-versie (optioneel)', kind: 'setting', required: false, hint: 'Standaard v21.0.' };

export const CHANNEL_REQUIREMENTS: Record<Channel, ChannelRequirements> = {
  bluesky: {
    serviceUrl: { required: true, label: 'PDS-adres', placeholder: 'https://bsky.social' },
    handleLabel: 'Handle (bijv. gemeente.bsky.social)',
    fields: [
      {
        key: 'appPassword',
        label: 'App-wachtwoord',
        kind: 'secret',
        required: true,
        hint: 'Maak in Bluesky een app-wachtwoord aan; gebruik nooit het gewone wachtwoord.',
      },
      { key: 'appViewUrl', label: 'AppView-adres voor zoeken (optioneel)', kind: 'setting', required: false },
      { key: 'searchQuery', label: 'Zoekopdracht om te volgen (optioneel)', kind: 'setting', required: false },
    ],
  },
  mastodon: {
    serviceUrl: { required: true, label: 'Mastodon-server', placeholder: 'https://social.overheid.nl' },
    handleLabel: 'Accountnaam (bijv. gemeente)',
    fields: [
      token('Toegangstoken (Voorkeuren → Ontwikkeling; rechten read en write)'),
      {
        key: 'hashtag',
        label: 'Hashtag om te volgen (optioneel, zonder #)',
        kind: 'setting',
        required: false,
        hint: 'Plein leest dan ook de openbare tijdlijn van deze hashtag.',
      },
    ],
  },
  x: {
    serviceUrl: { required: false, label: 'API-adres', placeholder: 'https://api.x.com' },
    handleLabel: 'Gebruikersnaam zonder @',
    fields: [
      { key: 'userId', label: 'Gebruikers-id', kind: 'setting', required: true },
      token('OAuth 2.0-toegangstoken (gebruikerscontext)'),
      { key: 'refreshToken', label: 'Refresh-token', kind: 'secret', required: false },
      { key: 'clientId', label: 'Client-id (voor vernieuwen van het token)', kind: 'setting', required: false },
      {
        key: 'clientSecret',
        label: 'Client-secret (alleen voor een vertrouwelijke app)',
        kind: 'secret',
        required: false,
        hint: 'Nodig als de X-app een confidential client is; dan vernieuwt Plein het token met HTTP Basic-authenticatie.',
      },
      { key: 'searchQuery', label: 'Zoekopdracht om te volgen (optioneel)', kind: 'setting', required: false },
    ],
  },
  facebook: {
    serviceUrl: { required: false, label: 'Graph API-adres', placeholder: 'https://graph.facebook.com' },
    handleLabel: 'Paginanaam',
    fields: [{ key: 'pageId', label: 'Pagina-id', kind: 'setting', required: true }, token('Paginatoken'), appSecret, metaVerifyToken, graphVersion],
  },
  instagram: {
    serviceUrl: { required: false, label: 'Graph API-adres', placeholder: 'https://graph.facebook.com' },
    handleLabel: 'Instagram-gebruikersnaam',
    fields: [
      { key: 'igUserId', label: 'Instagram-zakelijk-account-id', kind: 'setting', required: true },
      token('Paginatoken'),
      appSecret,
      metaVerifyToken,
      graphVersion,
    ],
  },
  linkedin: {
    serviceUrl: { required: false, label: 'API-adres', placeholder: 'https://api.linkedin.com' },
    handleLabel: 'Organisatienaam',
    fields: [
      { key: 'organizationUrn', label: 'Organisatie-URN (urn:li:organization:…)', kind: 'setting', required: true },
      token(),
      {
        key: 'refreshToken',
        label: 'Refresh-token (optioneel)',
        kind: 'secret',
        required: false,
        hint: 'Alleen voor apps met programmatic refresh tokens; dan vernieuwt Plein het toegangstoken zelf.',
      },
      { key: 'clientId', label: 'Client-id (voor vernieuwen van het token)', kind: 'setting', required: false },
      { key: 'clientSecret', label: 'Client-secret (voor vernieuwen van het token)', kind: 'secret', required: false },
      {
        key: 'linkedinVersion',
        label: 'LinkedIn-versie (JJJJMM, optioneel)',
        kind: 'setting',
        required: false,
        hint: 'De API-versie in de LinkedIn-Version-header; elke versie werkt minstens een jaar.',
      },
      { key: 'lookbackDays', label: 'Reacties volgen op posts van de laatste … dagen (standaard 14)', kind: 'setting', required: false },
    ],
  },
  whatsapp: {
    serviceUrl: { required: false, label: 'Graph API-adres', placeholder: 'https://graph.facebook.com' },
    handleLabel: 'Telefoonnummer (bijv. +31 6 …)',
    fields: [
      { key: 'phoneNumberId', label: 'Telefoonnummer-id', kind: 'setting', required: true },
      token('Systeemgebruiker-token'),
      appSecret,
      { key: 'verifyToken', label: 'Verify-token voor het aanmelden van de webhook', kind: 'secret', required: true },
      {
        key: 'templateName',
        label: 'Sjabloon buiten het 24-uursvenster (optioneel)',
        kind: 'setting',
        required: false,
        hint: 'Naam van een door Meta goedgekeurd sjabloon. Zonder sjabloon kan Plein niet antwoorden als de inwoner meer dan 24 uur geleden schreef.',
      },
      { key: 'templateLanguage', label: 'Taal van het sjabloon (standaard nl)', kind: 'setting', required: false },
      graphVersion,
    ],
  },
  email: {
    serviceUrl: null,
    handleLabel: 'E-mailadres van de postbus',
    fields: [
      { key: 'imapHost', label: 'IMAP-server', kind: 'setting', required: true },
      { key: 'imapPort', label: 'IMAP-poort', kind: 'setting', required: false, hint: 'Standaard 993 (TLS).' },
      {
        key: 'imapSecure',
        label: 'IMAP versleuteld (TLS)',
        kind: 'setting',
        required: false,
        hint: 'Standaard aan; alleen uitzetten voor een server op dezelfde machine.',
      },
      { key: 'smtpHost', label: 'SMTP-server', kind: 'setting', required: true },
      { key: 'smtpPort', label: 'SMTP-poort', kind: 'setting', required: false, hint: 'Standaard 587 (STARTTLS).' },
      {
        key: 'smtpSecure',
        label: 'SMTP versleuteld (TLS)',
        kind: 'setting',
        required: false,
        hint: 'Standaard aan; alleen uitzetten voor een server op dezelfde machine.',
      },
      { key: 'username', label: 'Gebruikersnaam', kind: 'setting', required: false, hint: 'Standaard het e-mailadres.' },
      { key: 'password', label: 'Wachtwoord', kind: 'secret', required: true },
    ],
  },
  rss: {
    serviceUrl: { required: true, label: 'Adres van de feed', placeholder: 'https://www.example.nl/nieuws.rss' },
    handleLabel: 'Naam van de bron',
    fields: [],
  },
  webformulier: { serviceUrl: null, handleLabel: 'Naam van het formulier', fields: [] },
  telefoon: { serviceUrl: null, handleLabel: 'Telefoonnummer of naam van de lijn (bijv. 14 0251)', fields: [] },
  gesimuleerd: {
    serviceUrl: null,
    handleLabel: 'Naam van het gesimuleerde account',
    fields: [
      { key: 'scenario', label: 'Scenario', kind: 'setting', required: true, hint: 'alledaags of crisis-brand' },
      { key: 'perHour', label: 'Berichten per uur', kind: 'setting', required: false },
      { key: 'startedAt', label: 'Begin van het scenario (ISO-tijdstip; standaard: bij het koppelen)', kind: 'setting', required: false },
      { key: 'municipalityName', label: 'Naam van de gemeente in de berichten', kind: 'setting', required: false },
      { key: 'lat', label: 'Breedtegraad van het centrum', kind: 'setting', required: false },
      { key: 'lon', label: 'Lengtegraad van het centrum', kind: 'setting', required: false },
    ],
  },
};

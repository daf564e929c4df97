import type { RoutingActions, RoutingConditions } from '@contracts/routing';
import { WEEKDAY_CODES } from '@contracts/routing';

export interface RoutableMessage {
  channel: string;
  accountId: string;
  municipalityId: string;
  text: string;
  subject: string | null;
  authorId: string;
  authorHandle: string;
  language: string | null;
  visibility: string;
  receivedAt: Date;
  // From listening, when a rule asks for them: the monitors the message matched and its tenor.
  monitorIds?: string[];
  tenor?: string | null;
}

const normalise = (text: string) =>
  text
    .toLocaleLowerCase('nl')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Whole words or phrases, without regard to case or accents: "afval" matches "Afval!" but not "afvalbak".
export function containsWord(text: string, word: string): boolean {
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(normalise(word))}($|[^\\p{L}\\p{N}])`, 'u').test(normalise(text));
}

const amsterdam = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const ENGLISH_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function localDayAndTime(at: Date): { day: (typeof WEEKDAY_CODES)[number]; time: string } {
  const parts = Object.fromEntries(amsterdam.formatToParts(at).map((part) => [part.type, part.value]));
  return { day: WEEKDAY_CODES[ENGLISH_DAYS.indexOf(parts.weekday!)]!, time: `${parts.hour}:${parts.minute}` };
}

function withinTime(window: NonNullable<RoutingConditions['time']>, at: Date): boolean {
  const { day, time } = localDayAndTime(at);
  if (!window.days.includes(day)) return false;
  // A window such as 17:00–09:00 runs past midnight.
  return window.from <= window.until ? time >= window.from && time < window.until : time >= window.from || time < window.until;
}

// Every condition given must hold; a rule without conditions matches everything.
export function matches(conditions: RoutingConditions, message: RoutableMessage): boolean {
  if (conditions.channels?.length && !conditions.channels.includes(message.channel as never)) return false;
  if (conditions.accountIds?.length && !conditions.accountIds.includes(message.accountId)) return false;
  if (conditions.municipalityIds?.length && !conditions.municipalityIds.includes(message.municipalityId)) return false;
  if (conditions.visibility && conditions.visibility !== message.visibility) return false;
  if (conditions.languages?.length && !conditions.languages.includes(message.language ?? '')) return false;
  if (conditions.authors?.length) {
    const who = [message.authorId, message.authorHandle, message.authorHandle.replace(/^@/, '')].map(normalise);
    if (!conditions.authors.some((author) => who.includes(normalise(author.replace(/^@/, ''))) || who.includes(normalise(author)))) return false;
  }
  if (conditions.words?.length) {
    const text = `${message.subject ?? ''} ${message.text}`;
    if (!conditions.words.some((word) => containsWord(text, word))) return false;
  }
  if (conditions.monitorIds?.length && !conditions.monitorIds.some((id) => message.monitorIds?.includes(id))) return false;
  if (conditions.tenors?.length && !conditions.tenors.includes((message.tenor ?? '') as never)) return false;
  if (conditions.time && !withinTime(conditions.time, message.receivedAt)) return false;
  return true;
}

const PRIORITY_ORDER = ['laag', 'normaal', 'hoog', 'urgent'] as const;

export interface Decision {
  assignTeamId?: string;
  assignUserId?: string;
  labels: string[];
  priority?: (typeof PRIORITY_ORDER)[number];
  ruleNames: string[];
}

// Rules in order: each matching rule adds its labels, the highest priority wins, and the first rule that
// assigns decides the team and person.
export function decide(rules: { name: string; conditions: RoutingConditions; actions: RoutingActions }[], message: RoutableMessage): Decision {
  const decision: Decision = { labels: [], ruleNames: [] };
  let assigned = false;
  for (const rule of rules) {
    if (!matches(rule.conditions, message)) continue;
    decision.ruleNames.push(rule.name);
    for (const label of rule.actions.labels ?? []) if (!decision.labels.includes(label)) decision.labels.push(label);
    if (rule.actions.priority && (!decision.priority || PRIORITY_ORDER.indexOf(rule.actions.priority) > PRIORITY_ORDER.indexOf(decision.priority))) {
      decision.priority = rule.actions.priority;
    }
    if (!assigned && (rule.actions.assignTeamId || rule.actions.assignUserId)) {
      assigned = true;
      decision.assignTeamId = rule.actions.assignTeamId;
      decision.assignUserId = rule.actions.assignUserId;
    }
  }
  return decision;
}

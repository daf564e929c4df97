import { sql } from 'kysely';
import type { DatabaseHandle, Db } from '../db/database.client';

// Changes announced to the browsers that show them (live inbox). Announcements go through PostgreSQL's
// NOTIFY inside the transaction that made the change: they are sent only when it commits, and every
// server process (each LISTENs) hears them, so live updates work with several processes.
export const CHANGES_CHANNEL = 'plein_wijzigingen';

export interface Change {
  organisationId: string;
  // 'signaal': a listening alert (its municipality is null for a monitor over the whole organisation).
  kind: 'gesprek' | 'aanwezigheid' | 'signaal';
  id: string;
  municipalityId: string | null;
}

export async function announce(db: Db, change: Change): Promise<void> {
  await sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify(change)})`.execute(db);
}

type Listener = (change: Change) => void;

export class EventHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private stop: (() => Promise<void>) | null = null;

  constructor(private readonly database: Pick<DatabaseHandle, 'listen'>) {}

  async start(): Promise<void> {
    if (this.stop) return;
    this.stop = await this.database.listen(CHANGES_CHANNEL, (payload) => this.deliver(payload));
  }

  // Listeners hear only their own organisation's changes; the route filters further by municipality.
  subscribe(organisationId: string, listener: Listener): () => void {
    const set = this.listeners.get(organisationId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(organisationId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(organisationId);
    };
  }

  async close(): Promise<void> {
    await this.stop?.();
    this.stop = null;
    this.listeners.clear();
  }

  private deliver(payload: string) {
    let change: Change;
    try {
      change = JSON.parse(payload) as Change;
    } catch {
      return;
    }
    for (const listener of this.listeners.get(change.organisationId) ?? []) listener(change);
  }
}

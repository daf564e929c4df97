import { describe, expect, it } from 'vitest';
import { groupMessagesBySubscription, subscribeToStoredMessages } from './message-subscriptions.service';

// Channels hand stored messages to whoever subscribed, by purpose, without knowing who that is.
describe('abonnementen op opgeslagen berichten', () => {
  subscribeToStoredMessages({ job: 'test.gesprekken', purpose: 'conversation' });
  subscribeToStoredMessages({ job: 'test.alles', purpose: 'any' });
  subscribeToStoredMessages({ job: 'test.openbaar', purpose: 'public' });

  const messages = [
    { id: 'in', direction: 'in', channel: 'mastodon', visibility: 'openbaar' as const },
    { id: 'uit', direction: 'uit', channel: 'mastodon', visibility: 'openbaar' as const },
    { id: 'feed', direction: 'in', channel: 'rss', visibility: 'openbaar' as const },
    { id: 'mail', direction: 'in', channel: 'email', visibility: 'prive' as const },
  ];
  const jobsOf = (stream: string | null) =>
    Object.fromEntries(
      groupMessagesBySubscription(messages, stream).map(({ subscription, messages: served }) => [subscription.job, served.map((message) => message.id)]),
    );

  it('geeft een gesprek-abonnee wat inwoners stuurden en wat wij plaatsten, maar geen feed', () => {
    expect(jobsOf(null)['test.gesprekken']).toEqual(['in', 'uit', 'mail']);
    expect(jobsOf(null)['test.alles']).toEqual(['in', 'uit', 'feed', 'mail']);
  });

  it('geeft een abonnee op openbare berichten nooit een privébericht', () => {
    expect(jobsOf(null)['test.openbaar']).toEqual(['in', 'uit', 'feed']);
  });

  it('houdt zoekresultaten en geïmporteerde geschiedenis buiten de gesprekken', () => {
    expect(jobsOf('search')['test.gesprekken']).toEqual(['uit']);
    expect(jobsOf('import')['test.gesprekken']).toEqual(['uit']);
    expect(jobsOf('search')['test.alles']).toEqual(['in', 'uit', 'feed', 'mail']);
  });

  it('telt een tweede aanmelding van dezelfde taak niet dubbel', () => {
    subscribeToStoredMessages({ job: 'test.alles', purpose: 'any' });
    expect(groupMessagesBySubscription(messages, null).filter(({ subscription }) => subscription.job === 'test.alles')).toHaveLength(1);
  });
});

import type { conversationCaseSchema } from '@contracts/inbox-live';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { AppLink, ButtonLink, Heading, Paragraph, StatusBadge } from '../../ui';
import { conversationMessages } from './conversation-messages';
import { type ConversationDetail, inboxQueryKey } from './conversation-queries';

type ConversationCase = z.infer<typeof conversationCaseSchema>;

// "Maak melding" / "maak klacht" from the resident's latest message, and the cases made so far with their
// status; news about a melding goes back to the resident on this conversation's channel.
export function ConversationCases({ conversation }: { conversation: ConversationDetail }) {
  const t = useMessages(conversationMessages);
  const { can } = useAuth();
  const cases = useQuery({
    queryKey: [...inboxQueryKey, conversation.id, 'zaken'],
    queryFn: () => api.get<ConversationCase[]>(`/api/v1/conversations/${conversation.id}/cases`),
  });
  const latest = conversation.messages.filter((message) => message.direction === 'in').at(-1);
  return (
    <section className="plein-section" aria-labelledby="zaken">
      <Heading level={2} id="zaken">
        {t('casesHeading')}
      </Heading>
      {(cases.data ?? []).length === 0 ? (
        <Paragraph className="plein-muted">{t('noCases')}</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list">
          {cases.data!.map((item) => (
            <li key={item.id}>
              <AppLink to={item.kind === 'melding' ? `/meldingen/${item.id}` : `/klachten/${item.id}`}>
                {t(`case.${item.kind}`, { number: item.number })}
              </AppLink>{' '}
              <StatusBadge tone="info">{item.statusLabel}</StatusBadge>
            </li>
          ))}
        </ul>
      )}
      {latest && (
        <div className="plein-row-actions">
          {can('meldingen.manage') && (
            <ButtonLink appearance="secondary" to={`/meldingen/nieuw?bericht=${latest.id}`}>
              {t('makeMelding')}
            </ButtonLink>
          )}
          {can('klachten.manage') && (
            <ButtonLink appearance="secondary" to={`/klachten/nieuw?bericht=${latest.id}`}>
              {t('makeKlacht')}
            </ButtonLink>
          )}
        </div>
      )}
    </section>
  );
}

import type { conversationSatisfactionSchema } from '@contracts/conversation-satisfaction';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../app/api-client';
import { formatDate } from '../../../app/format';
import { defineMessages, useMessages } from '../../../app/i18n';
import { Heading } from '../../../ui';
import { type ConversationDetail, inboxQueryKey } from '../conversation-queries';
import './satisfaction.css';

type Satisfaction = z.infer<typeof conversationSatisfactionSchema>;

const messages = defineMessages({
  nl: {
    heading: 'Tevredenheid',
    score: '{score} van 5',
    waiting: 'Gevraagd op {date}; nog geen antwoord (de link werkt tot {until}).',
    waitingInThread: 'Gevraagd op {date}; nog geen antwoord. Een cijfer dat de inwoner tot {until} in het gesprek stuurt, telt als antwoord.',
    answered: 'Antwoord op {date}',
  },
  en: {
    heading: 'Satisfaction',
    score: '{score} out of 5',
    waiting: 'Asked on {date}; no answer yet (the link works until {until}).',
    waitingInThread: 'Asked on {date}; no answer yet. A score the resident sends in the conversation until {until} counts as the answer.',
    answered: 'Answered on {date}',
  },
});

// The resident's score after closing, in the side column; nothing at all until the question was asked.
export function ConversationSatisfaction({ conversation }: { conversation: ConversationDetail }) {
  const t = useMessages(messages);
  const satisfaction = useQuery({
    // Keyed on the conversation's events, so an answer that arrives (a live update) is fetched at once.
    queryKey: [...inboxQueryKey, conversation.id, 'tevredenheid', conversation.events.length],
    queryFn: () => api.get<Satisfaction>(`/api/v1/conversations/${conversation.id}/satisfaction`),
  });
  const surveys = satisfaction.data?.surveys ?? [];
  if (surveys.length === 0) return null;
  return (
    <section className="plein-section" aria-labelledby="tevredenheid">
      <Heading level={2} id="tevredenheid">
        {t('heading')}
      </Heading>
      <ul className="utrecht-unordered-list plein-satisfaction">
        {surveys.map((survey) => (
          <li key={survey.sentAt}>
            {survey.score !== null ? (
              <>
                <strong className="plein-satisfaction__score">{t('score', { score: survey.score })}</strong>{' '}
                <span className="plein-muted">{t('answered', { date: formatDate(survey.answeredAt!) })}</span>
                {survey.comment && <q className="plein-satisfaction__comment plein-break">{survey.comment}</q>}
              </>
            ) : (
              t(survey.answerIn === 'gesprek' ? 'waitingInThread' : 'waiting', { date: formatDate(survey.sentAt), until: formatDate(survey.expiresAt) })
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

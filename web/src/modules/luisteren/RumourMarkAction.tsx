import type { ListeningItem } from '@contracts/luisteren';
import type { Rumour } from '@contracts/rumours';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ProblemError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { Alert, AppLink, Button, Heading, Paragraph, TextField } from '../../ui';
import { RumourStatusBadge } from './RumourStatusBadge';
import { rumourMessages } from './rumour-messages';
import { rumoursKey, useRumoursOfItem } from './rumour-queries';

// On an item page: the rumours the item belongs to, and (for those who may) following it as a new rumour.
export function RumourMarkAction({ item }: { item: ListeningItem }) {
  const t = useMessages(rumourMessages);
  const { can } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const rumours = useRumoursOfItem(item.messageId);
  const mark = useMutation({
    mutationFn: () => api.post<Rumour>('/api/v1/geruchten', { messageId: item.messageId, ...(title.trim() && { title: title.trim() }) }),
    onSuccess: async (rumour) => {
      await queryClient.invalidateQueries({ queryKey: rumoursKey });
      navigate(`/luisteren/geruchten/${rumour.id}`);
    },
  });
  const canManage = can('listening.manage');
  const partOf = rumours.data ?? [];
  if (!canManage && partOf.length === 0) return null;
  return (
    <section className="plein-section" aria-labelledby="gerucht-heading">
      <Heading level={2} id="gerucht-heading">
        {t('markHeading')}
      </Heading>
      {partOf.length > 0 && (
        <>
          <Paragraph>{t('partOf')}</Paragraph>
          <ul className="utrecht-unordered-list">
            {partOf.map((rumour) => (
              <li key={rumour.id}>
                <AppLink to={`/luisteren/geruchten/${rumour.id}`}>{rumour.title}</AppLink> <RumourStatusBadge status={rumour.status} />
              </li>
            ))}
          </ul>
        </>
      )}
      {canManage && <Paragraph>{t('markHelp')}</Paragraph>}
      {canManage && (
        <form
          className="utrecht-form plein-form"
          onSubmit={(event) => {
            event.preventDefault();
            mark.mutate();
          }}
        >
          <TextField label={t('markTitle')} value={title} onChange={setTitle} maxLength={200} />
          <div className="plein-form__actions">
            <Button type="submit" busy={mark.isPending}>
              {t('mark')}
            </Button>
          </div>
        </form>
      )}
      {mark.isError && (
        <Alert type="error">
          <Paragraph>{t('markFailed', { reason: mark.error instanceof ProblemError ? mark.error.message : String(mark.error) })}</Paragraph>
        </Alert>
      )}
    </section>
  );
}

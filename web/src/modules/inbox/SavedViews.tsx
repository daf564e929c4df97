import type { savedViewSchema } from '@contracts/inbox-live';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { api } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Button, FormProblem, TextField } from '../../ui';
import { conversationMessages } from './conversation-messages';

type SavedView = z.infer<typeof savedViewSchema>;
const queryKey = ['inbox', 'weergaven'] as const;

// The agent's own views: the filters of the address bar under a name, on every computer they sign in on.
export function SavedViews({ params, onOpen }: { params: URLSearchParams; onOpen: (params: URLSearchParams) => void }) {
  const t = useMessages(conversationMessages);
  const queryClient = useQueryClient();
  const views = useQuery({ queryKey, queryFn: () => api.get<SavedView[]>('/api/v1/me/inbox-views') });
  const [name, setName] = useState('');
  const filters = Object.fromEntries([...params.entries()].filter(([key]) => ['weergave', 'gemeente', 'toestand', 'kanaal', 'zoek', 'label'].includes(key)));

  const { submit, errors, problem, busy } = useFormSubmit({
    validate: (): Record<string, string> => ({
      ...(!name.trim() && { name: t('viewNameRequired') }),
      ...(Object.keys(filters).length === 0 && { filters: t('viewNoFilters') }),
    }),
    send: async () => {
      await api.post('/api/v1/me/inbox-views', { name: name.trim(), filters });
      setName('');
      await queryClient.invalidateQueries({ queryKey });
    },
    renameFields: { filters: 'name' },
    fields: ['name'],
  });

  return (
    <div className="plein-saved-views">
      {(views.data ?? []).length > 0 && (
        <ul aria-label={t('savedViews')}>
          {views.data!.map((view) => (
            <li key={view.id}>
              <a
                className="utrecht-link"
                href={`?${new URLSearchParams(view.filters).toString()}`}
                onClick={(event) => {
                  event.preventDefault();
                  onOpen(new URLSearchParams(view.filters));
                }}
              >
                {view.name}
              </a>
              <Button
                appearance="subtle"
                aria-label={t('viewRemove', { name: view.name })}
                onClick={async () => {
                  await api.delete(`/api/v1/me/inbox-views/${view.id}`);
                  await queryClient.invalidateQueries({ queryKey });
                }}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('viewSave')}</summary>
        <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
          <FormProblem title={t('saveFailed')} problem={problem} />
          <TextField label={t('viewName')} value={name} onChange={setName} error={errors.name ?? errors.filters} />
          <Button type="submit" busy={busy}>
            {t('save')}
          </Button>
        </form>
      </details>
    </div>
  );
}

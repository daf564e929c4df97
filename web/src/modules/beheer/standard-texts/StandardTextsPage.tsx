import type { StandardText } from '@contracts/melding-texts';
import { MELDING_STATUS_LABELS } from '@contracts/meldingen';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../app/api-client';
import { useMessages } from '../../../app/i18n';
import { Alert, Button, ConfirmButton, DataTable, PageHeader, Paragraph, QueryState } from '../../../ui';
import { useMeldingCategories } from '../melding-categories/melding-category-queries';
import { StandardTextForm } from './StandardTextForm';
import { standardTextsMessages } from './standard-texts-messages';

const queryKey = ['melding-standaardteksten'] as const;

export function StandardTextsPage() {
  const t = useMessages(standardTextsMessages);
  const queryClient = useQueryClient();
  const texts = useQuery({ queryKey: [...queryKey, 'beheer'], queryFn: () => api.get<StandardText[]>('/api/v1/melding-standard-texts') });
  const categories = useMeldingCategories();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const categoryName = (id: string | null) => (id ? (categories.data?.find((c) => c.id === id)?.publicName ?? '') : t('allCategories'));

  const refresh = async (message: string) => {
    setEditing(null);
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey });
  };

  return (
    <>
      <PageHeader title={t('title')} lead={<Paragraph lead>{t('lead')}</Paragraph>} />
      <div role="status">{notice && <Alert type="ok">{notice}</Alert>}</div>
      <QueryState query={texts} loadingLabel={t('loading')} errorTitle={t('title')}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph className="plein-muted">{t('empty')}</Paragraph>
          ) : (
            <DataTable<StandardText>
              caption={t('caption')}
              rows={list}
              rowKey={(text) => text.id}
              columns={[
                { header: t('status'), cell: (text) => MELDING_STATUS_LABELS[text.status] },
                { header: t('category'), cell: (text) => categoryName(text.categoryId) },
                { header: t('titleField'), cell: (text) => text.title },
                { header: t('body'), cell: (text) => <span className="plein-pre-line">{text.body}</span> },
                {
                  header: t('actions'),
                  cell: (text) => (
                    <div className="plein-row-actions">
                      <Button type="button" onClick={() => setEditing(text.id)}>
                        {t('edit')}
                      </Button>
                      <ConfirmButton
                        label={t('remove')}
                        question={t('removeQuestion')}
                        confirmLabel={t('removeConfirm')}
                        cancelLabel={t('cancel')}
                        onConfirm={async () => {
                          await api.delete(`/api/v1/melding-standard-texts/${text.id}`);
                          await refresh(t('removed'));
                        }}
                      />
                    </div>
                  ),
                },
              ]}
            />
          )
        }
      </QueryState>
      {editing && texts.data?.some((text) => text.id === editing) ? (
        <StandardTextForm
          key={editing}
          text={texts.data.find((text) => text.id === editing)}
          categories={categories.data ?? []}
          onSaved={() => refresh(t('saved'))}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <StandardTextForm categories={categories.data ?? []} onSaved={() => refresh(t('saved'))} />
      )}
    </>
  );
}

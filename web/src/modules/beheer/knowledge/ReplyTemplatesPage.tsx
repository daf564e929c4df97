import type { ReplyTemplate } from '@contracts/knowledge';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../app/api-client';
import { useMe } from '../../../app/auth-context';
import { useMessages } from '../../../app/i18n';
import { Alert, Button, ConfirmButton, DataTable, PageHeader, Paragraph, QueryState } from '../../../ui';
import { KnowledgeTabs } from './KnowledgeTabs';
import { knowledgeMessages } from './knowledge-messages';
import { knowledgeQueryKey, useReplyTemplates } from './knowledge-queries';
import { ReplyTemplateForm } from './ReplyTemplateForm';
import './knowledge.css';

export function ReplyTemplatesPage() {
  const t = useMessages(knowledgeMessages);
  const me = useMe();
  const queryClient = useQueryClient();
  const templates = useReplyTemplates();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const municipalityName = (id: string | null) => (id ? (me.municipalities.find((m) => m.id === id)?.name ?? '') : t('shared'));

  const refresh = async (message: string) => {
    setEditing(null);
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: knowledgeQueryKey });
  };
  const current = templates.data?.find((template) => template.id === editing);

  return (
    <>
      <PageHeader title={t('title')} documentTitle={`${t('templates')} – ${t('title')}`} lead={<Paragraph lead>{t('templatesLead')}</Paragraph>} />
      <KnowledgeTabs />
      <div role="status">{notice && <Alert type="ok">{notice}</Alert>}</div>
      <QueryState query={templates} loadingLabel={t('loading')} errorTitle={t('templates')}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph className="plein-muted">{t('templatesEmpty')}</Paragraph>
          ) : (
            <DataTable<ReplyTemplate>
              caption={t('templatesCaption')}
              rows={list}
              rowKey={(template) => template.id}
              columns={[
                { header: t('templateTitle'), cell: (template) => template.title },
                { header: t('templateBody'), cell: (template) => <span className="plein-pre-line">{template.body}</span> },
                { header: t('municipality'), cell: (template) => municipalityName(template.municipalityId) },
                {
                  header: t('actions'),
                  hideLabelWhenStacked: true,
                  cell: (template) => (
                    <div className="plein-row-actions">
                      <Button onClick={() => setEditing(template.id)} aria-label={`${t('edit')}: ${template.title}`}>
                        {t('edit')}
                      </Button>
                      <ConfirmButton
                        label={t('remove')}
                        question={t('removeQuestion')}
                        confirmLabel={t('removeConfirm')}
                        cancelLabel={t('cancel')}
                        onConfirm={async () => {
                          await api.delete(`/api/v1/reply-templates/${template.id}`);
                          await refresh(t('templateRemoved'));
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
      {current ? (
        <ReplyTemplateForm key={current.id} template={current} onSaved={() => refresh(t('templateSaved'))} onCancel={() => setEditing(null)} />
      ) : (
        <ReplyTemplateForm onSaved={() => refresh(t('templateSaved'))} />
      )}
    </>
  );
}

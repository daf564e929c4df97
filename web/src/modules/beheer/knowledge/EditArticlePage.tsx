import type { KnowledgeArticle } from '@contracts/knowledge';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../../app/api-client';
import { commonMessages } from '../../../app/common-messages';
import { useMessages } from '../../../app/i18n';
import { Alert, AppLink, Button, ConfirmButton, PageHeader, Paragraph, QueryState } from '../../../ui';
import { ArticleForm, type ArticleInput } from './ArticleForm';
import { ArticleVersions } from './ArticleVersions';
import { knowledgeMessages } from './knowledge-messages';
import { knowledgeQueryKey, useArticle } from './knowledge-queries';
import './knowledge.css';

export function EditArticlePage() {
  const { id = '' } = useParams();
  const t = useMessages(knowledgeMessages);
  const common = useMessages(commonMessages);
  const article = useArticle(id);
  return (
    <div className="plein-narrow">
      <Paragraph>
        <AppLink to="/beheer/kennisbank">{t('backToList')}</AppLink>
      </Paragraph>
      <QueryState query={article} loadingLabel={t('loading')} errorTitle={common('loadFailed')}>
        {(found) => <EditArticle key={found.id} article={found} />}
      </QueryState>
    </div>
  );
}

function EditArticle({ article }: { article: KnowledgeArticle }) {
  const t = useMessages(knowledgeMessages);
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);

  const patch = async (changes: Partial<ArticleInput> & { archived?: boolean }) => {
    setNotice(null);
    const saved = await api.patch<KnowledgeArticle>(`/api/v1/knowledge-articles/${article.id}`, changes);
    queryClient.setQueryData([...knowledgeQueryKey, 'artikel', article.id], saved);
    await queryClient.invalidateQueries({ queryKey: knowledgeQueryKey });
    setNotice(t('saved', { version: saved.version }));
  };

  return (
    <>
      <PageHeader title={t('editTitle')} lead={<Paragraph lead>{article.question}</Paragraph>} />
      <div role="status">{notice && <Alert type="ok">{notice}</Alert>}</div>
      {article.archived && <Alert type="warning">{t('archivedNotice')}</Alert>}
      <ArticleForm article={article} onSubmit={(input) => patch(input)} />
      <div className="plein-knowledge-archive">
        {article.archived ? (
          <Button onClick={() => patch({ archived: false })}>{t('restore')}</Button>
        ) : (
          <ConfirmButton
            label={t('archive')}
            question={t('archiveQuestion')}
            confirmLabel={t('archiveConfirm')}
            cancelLabel={t('cancel')}
            onConfirm={() => patch({ archived: true })}
          />
        )}
      </div>
      <ArticleVersions articleId={article.id} />
    </>
  );
}

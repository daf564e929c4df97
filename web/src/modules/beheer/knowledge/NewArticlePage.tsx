import type { KnowledgeArticle } from '@contracts/knowledge';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../../app/api-client';
import { useMessages } from '../../../app/i18n';
import { AppLink, PageHeader, Paragraph } from '../../../ui';
import { ArticleForm, type ArticleInput } from './ArticleForm';
import { knowledgeMessages } from './knowledge-messages';
import { knowledgeQueryKey } from './knowledge-queries';

export function NewArticlePage() {
  const t = useMessages(knowledgeMessages);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const create = async (input: ArticleInput) => {
    const article = await api.post<KnowledgeArticle>('/api/v1/knowledge-articles', input);
    await queryClient.invalidateQueries({ queryKey: knowledgeQueryKey });
    navigate('/beheer/kennisbank', { state: { flash: t('created', { question: article.question }) } });
  };

  return (
    <div className="plein-narrow">
      <Paragraph>
        <AppLink to="/beheer/kennisbank">{t('backToList')}</AppLink>
      </Paragraph>
      <PageHeader title={t('newTitle')} />
      <ArticleForm onSubmit={create} />
    </div>
  );
}

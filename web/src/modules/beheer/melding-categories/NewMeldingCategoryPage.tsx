import type { MeldingCategory } from '@contracts/meldingen';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../../app/api-client';
import { commonMessages } from '../../../app/common-messages';
import { useMessages } from '../../../app/i18n';
import { AppLink, PageHeader, Paragraph, QueryState } from '../../../ui';
import { CategoryForm, type CategoryFormOutput, emptyCategoryForm } from './CategoryForm';
import { meldingCategoriesMessages } from './melding-categories-messages';
import { meldingCategoriesQueryKey, useMeldingCategories } from './melding-category-queries';
import './melding-categories.css';

export function NewMeldingCategoryPage() {
  const t = useMessages(meldingCategoriesMessages);
  const common = useMessages(commonMessages);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const categories = useMeldingCategories();

  const create = async (output: CategoryFormOutput) => {
    const { active: _active, ...body } = output;
    const category = await api.post<MeldingCategory>('/api/v1/melding-categories', { ...body, extraQuestions: [] });
    await queryClient.invalidateQueries({ queryKey: meldingCategoriesQueryKey });
    await queryClient.invalidateQueries({ queryKey: ['melding-categories'] });
    navigate('/beheer/meldingen', { state: { flash: t('created', { name: category.publicName }) } });
  };

  return (
    <div className="plein-narrow">
      <Paragraph>
        <AppLink to="/beheer/meldingen">{t('backToList')}</AppLink>
      </Paragraph>
      <PageHeader title={t('newTitle')} />
      <QueryState query={categories} loadingLabel={t('loading')} errorTitle={common('loadFailed')}>
        {(list) => (
          <CategoryForm mode="create" initial={emptyCategoryForm} mainCategories={list.filter((category) => category.parentId === null)} onSubmit={create} />
        )}
      </QueryState>
    </div>
  );
}

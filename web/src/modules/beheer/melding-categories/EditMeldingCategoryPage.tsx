import type { MeldingCategory } from '@contracts/meldingen';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../../app/api-client';
import { commonMessages } from '../../../app/common-messages';
import { useMessages } from '../../../app/i18n';
import { Alert, AppLink, DataList, PageHeader, Paragraph, QueryState } from '../../../ui';
import { CategoryForm, type CategoryFormOutput, toCategoryFormValues } from './CategoryForm';
import { ExtraQuestionsEditor } from './ExtraQuestionsEditor';
import { ActiveBadge } from './MeldingCategoriesPage';
import { meldingCategoriesMessages } from './melding-categories-messages';
import { meldingCategoriesQueryKey, useMeldingCategories } from './melding-category-queries';
import './melding-categories.css';

export function EditMeldingCategoryPage() {
  const { id = '' } = useParams();
  const t = useMessages(meldingCategoriesMessages);
  const common = useMessages(commonMessages);
  const categories = useMeldingCategories();

  return (
    <div className="plein-narrow">
      <Paragraph>
        <AppLink to="/beheer/meldingen">{t('backToList')}</AppLink>
      </Paragraph>
      <QueryState query={categories} loadingLabel={t('loading')} errorTitle={common('loadFailed')}>
        {(list) => {
          const category = list.find((candidate) => candidate.id === id);
          if (!category) {
            return (
              <>
                <PageHeader title={common('noAccessTitle')} />
                <Paragraph>{t('notFound')}</Paragraph>
              </>
            );
          }
          const parent = list.find((candidate) => candidate.id === category.parentId);
          // The form keeps what the user typed after a save; only another category starts it afresh.
          return <EditCategory key={category.id} category={category} parent={parent} />;
        }}
      </QueryState>
    </div>
  );
}

function EditCategory({ category, parent }: { category: MeldingCategory; parent: MeldingCategory | undefined }) {
  const t = useMessages(meldingCategoriesMessages);
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);

  const save = async (output: CategoryFormOutput) => {
    const { publicName, departments, termijnDays, termijnKind, servicePromise, active } = output;
    const updated = await api.patch<MeldingCategory>(`/api/v1/melding-categories/${category.id}`, {
      publicName,
      departments,
      termijnDays,
      termijnKind,
      servicePromise,
      active,
    });
    queryClient.setQueryData<MeldingCategory[]>(meldingCategoriesQueryKey, (list) => list?.map((item) => (item.id === updated.id ? updated : item)));
    await queryClient.invalidateQueries({ queryKey: ['melding-categories'] });
    setSaved(true);
  };

  return (
    <>
      <PageHeader title={t('editTitle', { name: category.publicName })} />
      {saved && <Alert type="ok">{t('saved')}</Alert>}
      <DataList
        items={[
          { key: t('code'), value: <code>{category.code}</code> },
          { key: t('level'), value: parent ? t('kindSub', { name: parent.publicName }) : t('kindMain') },
          { key: t('status'), value: <ActiveBadge active={category.active} /> },
        ]}
      />
      <CategoryForm mode="edit" initial={toCategoryFormValues(category)} mainCategories={[]} onSubmit={save} onStart={() => setSaved(false)} />
      <ExtraQuestionsEditor key={category.id} category={category} />
    </>
  );
}

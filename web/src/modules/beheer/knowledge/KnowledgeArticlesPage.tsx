import type { KnowledgeArticle } from '@contracts/knowledge';
import { type FormEvent, useState } from 'react';
import { useLocation } from 'react-router';
import { useMe } from '../../../app/auth-context';
import { useMessages } from '../../../app/i18n';
import {
  Alert,
  AppLink,
  Button,
  ButtonLink,
  CheckboxField,
  DataTable,
  PageHeader,
  Paragraph,
  QueryState,
  SelectField,
  StatusBadge,
  TextField,
} from '../../../ui';
import { KnowledgeTabs } from './KnowledgeTabs';
import { knowledgeMessages } from './knowledge-messages';
import { useArticles } from './knowledge-queries';
import './knowledge.css';

export function KnowledgeArticlesPage() {
  const t = useMessages(knowledgeMessages);
  const me = useMe();
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  const [draft, setDraft] = useState('');
  const [filter, setFilter] = useState({ q: '', municipalityId: '', archived: false });
  const articles = useArticles(filter);
  const municipalityName = (id: string | null) => (id ? (me.municipalities.find((m) => m.id === id)?.name ?? '') : t('shared'));

  const search = (event: FormEvent) => {
    event.preventDefault();
    setFilter((current) => ({ ...current, q: draft.trim() }));
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        lead={<Paragraph lead>{t('lead')}</Paragraph>}
        actions={<ButtonLink to="/beheer/kennisbank/nieuw">{t('add')}</ButtonLink>}
      />
      <KnowledgeTabs />
      <div role="status">{flash && <Alert type="ok">{flash}</Alert>}</div>
      {/* biome-ignore lint/a11y/useSemanticElements: role=search on the form is the landmark every screen reader announces; <search> is not yet */}
      <form role="search" className="plein-knowledge-search" onSubmit={search}>
        <TextField label={t('searchLabel')} description={t('searchHelp')} type="search" value={draft} onChange={setDraft} />
        <SelectField
          label={t('municipalityFilter')}
          value={filter.municipalityId}
          onChange={(municipalityId) => setFilter((current) => ({ ...current, municipalityId }))}
          options={[{ value: '', label: t('allMunicipalities') }, ...me.municipalities.map((m) => ({ value: m.id, label: m.name }))]}
        />
        <CheckboxField label={t('showArchived')} checked={filter.archived} onChange={(archived) => setFilter((current) => ({ ...current, archived }))} />
        <Button type="submit">{t('search')}</Button>
      </form>
      <QueryState query={articles} loadingLabel={t('loading')} errorTitle={t('title')}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph className="plein-muted">{filter.q ? t('noResults') : t('empty')}</Paragraph>
          ) : (
            <DataTable<KnowledgeArticle>
              caption={t('caption')}
              rows={list}
              rowKey={(article) => article.id}
              columns={[
                { header: t('question'), cell: (article) => <AppLink to={`/beheer/kennisbank/${article.id}`}>{article.question}</AppLink> },
                { header: t('answer'), cell: (article) => <span className="plein-knowledge-excerpt">{article.answer}</span> },
                { header: t('municipality'), cell: (article) => municipalityName(article.municipalityId) },
                { header: t('version'), cell: (article) => article.version, numeric: true },
                {
                  header: t('status'),
                  cell: (article) => <StatusBadge tone={article.archived ? 'neutral' : 'ok'}>{article.archived ? t('archived') : t('active')}</StatusBadge>,
                },
              ]}
            />
          )
        }
      </QueryState>
    </>
  );
}

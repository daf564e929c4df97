import type { KnowledgeArticle, ReplyTemplate } from '@contracts/knowledge';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { api, buildQueryString } from '../../../app/api-client';
import { useMessages } from '../../../app/i18n';
import { Button, Heading, Loading, TextField } from '../../../ui';
import { composerMessages } from './composer-messages';
import { composeArticleReply } from './composer-text';

// Finds answers in the knowledge base and the webcare texts of the conversation's municipality (and the
// shared ones) with the same Dutch search as Beheer; "Invoegen" hands the text to the composer.
export function KnowledgePanel({ municipalityId, onInsert }: { municipalityId: string; onInsert: (text: string) => void }) {
  const t = useMessages(composerMessages);
  const headingId = useId();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const filter = buildQueryString({ q, municipalityId, limit: 5 });
  const articles = useQuery({
    queryKey: ['kennisbank', 'composer', 'artikelen', q, municipalityId],
    queryFn: () => api.get<KnowledgeArticle[]>(`/api/v1/knowledge-articles${filter}`),
    enabled: q.length > 0,
  });
  const templates = useQuery({
    queryKey: ['kennisbank', 'composer', 'webcareteksten', q, municipalityId],
    queryFn: () => api.get<ReplyTemplate[]>(`/api/v1/reply-templates${filter}`),
    enabled: q.length > 0,
  });

  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(draft.trim());
  };
  const busy = articles.isFetching || templates.isFetching;
  const nothing = q && !busy && articles.data?.length === 0 && templates.data?.length === 0;

  return (
    <section className="plein-composer__knowledge" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {t('searchHeading')}
      </Heading>
      {/* biome-ignore lint/a11y/useSemanticElements: role=search on the form is the landmark every screen reader announces; <search> is not yet */}
      <form role="search" className="plein-composer__search" onSubmit={search}>
        <TextField label={t('searchLabel')} type="search" value={draft} onChange={setDraft} />
        <Button type="submit">{t('search')}</Button>
      </form>
      <div aria-live="polite">
        {busy && <Loading label={t('searching')} />}
        {nothing && <p className="utrecht-paragraph plein-muted">{t('noResults')}</p>}
      </div>
      {(articles.data?.length ?? 0) > 0 && (
        <>
          <Heading level={4}>{t('articlesHeading')}</Heading>
          <ul className="plein-composer__results">
            {articles.data!.map((article) => (
              <li key={article.id}>
                <p className="utrecht-paragraph plein-composer__result-title">{article.question}</p>
                <p className="utrecht-paragraph plein-composer__result-text">{article.answer}</p>
                {article.contact && <p className="utrecht-paragraph plein-muted">{t('contact', { contact: article.contact })}</p>}
                <Button onClick={() => onInsert(composeArticleReply(article))} aria-label={t('insertLabel', { title: article.question })}>
                  {t('insert')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      {(templates.data?.length ?? 0) > 0 && (
        <>
          <Heading level={4}>{t('templatesHeading')}</Heading>
          <ul className="plein-composer__results">
            {templates.data!.map((template) => (
              <li key={template.id}>
                <p className="utrecht-paragraph plein-composer__result-title">{template.title}</p>
                <p className="utrecht-paragraph plein-composer__result-text">{template.body}</p>
                <Button onClick={() => onInsert(template.body)} aria-label={t('insertLabel', { title: template.title })}>
                  {t('insert')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

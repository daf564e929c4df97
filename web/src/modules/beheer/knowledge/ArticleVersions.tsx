import { useMe } from '../../../app/auth-context';
import { formatDateTime } from '../../../app/format';
import { useMessages } from '../../../app/i18n';
import { DataList, Heading, QueryState } from '../../../ui';
import { knowledgeMessages } from './knowledge-messages';
import { useArticleVersions } from './knowledge-queries';

// Every saved version as it was: what residents were told, by whom and when.
export function ArticleVersions({ articleId }: { articleId: string }) {
  const t = useMessages(knowledgeMessages);
  const me = useMe();
  const versions = useArticleVersions(articleId);
  return (
    <section className="plein-section" aria-labelledby="versies">
      <Heading level={2} id="versies">
        {t('versions')}
      </Heading>
      <QueryState query={versions} loadingLabel={t('loading')} errorTitle={t('versions')}>
        {(list) => (
          <ol className="plein-knowledge-versions" aria-label={t('versionsCaption')}>
            {list.map((version) => (
              <li key={version.version}>
                <details>
                  <summary>
                    {t('versionHeading', { version: version.version })} · {t('by', { name: version.authorName, at: formatDateTime(version.createdAt) })}
                    {version.archived && ` · ${t('archived')}`}
                  </summary>
                  <DataList
                    items={[
                      { key: t('question'), value: version.question },
                      { key: t('answer'), value: <span className="plein-pre-line">{version.answer}</span> },
                      { key: t('contact'), value: version.contact || '–' },
                      { key: t('link'), value: version.link ?? '–' },
                      {
                        key: t('municipality'),
                        value: version.municipalityId ? (me.municipalities.find((m) => m.id === version.municipalityId)?.name ?? '') : t('shared'),
                      },
                    ]}
                  />
                </details>
              </li>
            ))}
          </ol>
        )}
      </QueryState>
    </section>
  );
}

import type { ListeningItem } from '@contracts/luisteren';
import { useState } from 'react';
import { formatDateTime } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { AppLink, Button, CheckboxField, DataTable, Heading, Paragraph } from '../../ui';
import { BulkTenorForm } from './BulkTenorForm';
import { exploreMessages } from './explore-messages';
import { luisterenMessages } from './luisteren-messages';
import { buildAuthorPath } from './network-queries';
import { TenorBadge } from './TenorBadge';

export const formatAuthorName = (item: Pick<ListeningItem, 'author'>) =>
  item.author.name ? `${item.author.name} (@${item.author.handle.replace(/^@/, '')})` : `@${item.author.handle.replace(/^@/, '')}`;

// The items, newest first; with listening.review they can be selected and their tenor corrected at once.
export function ItemList({
  items,
  hasMore,
  loadingMore,
  onLoadMore,
  canReview,
}: {
  items: ListeningItem[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  canReview: boolean;
}) {
  const t = useMessages(exploreMessages);
  const names = useMessages(luisterenMessages);
  const [selectedIds, setSelectedIds] = useState<Set<string>>(new Set());
  const selected = items.filter((item) => selectedIds.has(item.messageId));
  const toggle = (id: string, checked: boolean) =>
    setSelectedIds((current) => {
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <section className="plein-section" aria-labelledby="berichten-heading">
      <Heading level={2} id="berichten-heading">
        {t('itemsHeading')}
      </Heading>
      {canReview && (
        <>
          <BulkTenorForm selected={selected} onDone={() => setSelectedIds(new Set())} />
          <CheckboxField
            label={t('selectAll')}
            checked={items.length > 0 && selected.length === items.length}
            onChange={(checked) => setSelectedIds(checked ? new Set(items.map((item) => item.messageId)) : new Set())}
          />
        </>
      )}
      <DataTable<ListeningItem>
        caption={t('itemsCaption')}
        captionHidden
        rows={items}
        rowKey={(item) => item.messageId}
        columns={[
          ...(canReview
            ? [
                {
                  header: t('select'),
                  hideLabelWhenStacked: true,
                  cell: (item: ListeningItem) => (
                    <input
                      type="checkbox"
                      className="utrecht-checkbox utrecht-checkbox--html-input plein-row-select"
                      aria-label={t('selectItem', { author: formatAuthorName(item) })}
                      checked={selectedIds.has(item.messageId)}
                      onChange={(event) => toggle(item.messageId, event.target.checked)}
                    />
                  ),
                },
              ]
            : []),
          {
            header: t('author'),
            cell: (item) => (
              <AppLink to={buildAuthorPath(item.author.handle)} className="plein-break">
                {formatAuthorName(item)}
              </AppLink>
            ),
          },
          {
            header: t('when'),
            cell: (item) => (
              <time className="plein-nowrap" dateTime={item.postedAt}>
                {formatDateTime(item.postedAt)}
              </time>
            ),
          },
          { header: t('channel'), cell: (item) => names(`channel.${item.channel}` as 'channel.x') },
          {
            header: t('tenor'),
            cell: (item) => (
              <>
                <TenorBadge tenor={item.tenor} />
                {item.tenorSource === 'mens' && <span className="plein-muted plein-luisteren-reviewed"> {t('reviewed')}</span>}
              </>
            ),
          },
          {
            header: t('text'),
            cell: (item) => (
              <>
                <AppLink to={`/luisteren/berichten/${item.messageId}`} className="plein-break plein-luisteren-text">
                  {item.subject ? `${item.subject}: ` : ''}
                  {item.text.length > 240 ? `${item.text.slice(0, 237)}…` : item.text}
                </AppLink>
                {item.duplicates > 0 && (
                  <span className="plein-luisteren-shared"> {item.duplicates === 1 ? t('sharedOne') : t('shared', { count: item.duplicates })}</span>
                )}
              </>
            ),
          },
        ]}
      />
      {hasMore ? (
        <div className="plein-form__actions">
          <Button busy={loadingMore} onClick={onLoadMore}>
            {loadingMore ? t('moreLoading') : t('more')}
          </Button>
        </div>
      ) : (
        <Paragraph className="plein-muted">{t('allShown', { count: items.length })}</Paragraph>
      )}
    </section>
  );
}

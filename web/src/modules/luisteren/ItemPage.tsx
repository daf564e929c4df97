import type { ListeningItem } from '@contracts/luisteren';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { api, ProblemError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { formatDateTime, formatNumber } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { Alert, AppLink, Button, ButtonGroup, ButtonLink, DataList, ExternalLink, Heading, PageHeader, Paragraph, QueryState } from '../../ui';
import { formatAuthorName } from './ItemList';
import { itemMessages } from './item-messages';
import { luisterenMessages } from './luisteren-messages';
import { useItemDetail } from './luisteren-queries';
import { buildAuthorPath } from './network-queries';
import { RumourMarkAction } from './RumourMarkAction';
import { TenorBadge } from './TenorBadge';
import { TenorCorrectionForm } from './TenorCorrectionForm';

// Luisteren → one item: what it says and who said it, its thread, the author's earlier items, the
// tenor correction, and the two ways to act on it: a webcare conversation or a melding.
export function ItemPage() {
  const t = useMessages(itemMessages);
  const { messageId = '' } = useParams();
  const detail = useItemDetail(messageId);
  return (
    <>
      <Paragraph>
        <AppLink to="/luisteren">{t('back')}</AppLink>
      </Paragraph>
      <QueryState query={detail} loadingLabel={t('loading')} errorTitle={t('loadFailed')}>
        {({ item, thread, authorHistory }) => (
          <>
            <PageHeader title={t('title', { author: formatAuthorName(item) })} />
            <blockquote className="plein-luisteren-quote plein-break plein-pre-line">
              {item.subject && <strong>{item.subject}: </strong>}
              {item.text}
            </blockquote>
            {item.simulated && <Paragraph className="plein-muted">{t('simulated')}</Paragraph>}
            <ItemFacts item={item} />
            <ItemActions item={item} />
            <RumourMarkAction item={item} />
            <TenorOrCorrection item={item} />
            <section className="plein-section" aria-labelledby="draad-heading">
              <Heading level={2} id="draad-heading">
                {t('threadHeading')}
              </Heading>
              {thread.length <= 1 ? (
                <Paragraph>{t('threadNone')}</Paragraph>
              ) : (
                <ol className="plein-luisteren-thread">
                  {thread.map((message) => (
                    <li key={message.messageId} className={message.messageId === item.messageId ? 'plein-luisteren-thread__current' : undefined}>
                      <p className="utrecht-paragraph plein-muted">
                        {message.direction === 'uit' ? t('threadOut') : t('threadIn', { author: message.author })},{' '}
                        <time dateTime={message.postedAt}>{formatDateTime(message.postedAt)}</time>
                      </p>
                      <p className="utrecht-paragraph plein-break plein-pre-line">{message.text}</p>
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <section className="plein-section" aria-labelledby="historie-heading">
              <Heading level={2} id="historie-heading">
                {t('historyHeading')}
              </Heading>
              {authorHistory.length === 0 ? (
                <Paragraph>{t('historyNone')}</Paragraph>
              ) : (
                <ul className="plein-map-list">
                  {authorHistory.map((earlier) => (
                    <li key={earlier.messageId} className="plein-map-list__item">
                      <time dateTime={earlier.postedAt}>{formatDateTime(earlier.postedAt)}</time> <TenorBadge tenor={earlier.tenor} />{' '}
                      <AppLink to={`/luisteren/berichten/${earlier.messageId}`} className="plein-break">
                        {earlier.text.length > 140 ? `${earlier.text.slice(0, 137)}…` : earlier.text}
                      </AppLink>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}

function ItemFacts({ item }: { item: ListeningItem }) {
  const t = useMessages(itemMessages);
  const names = useMessages(luisterenMessages);
  return (
    <section className="plein-section" aria-labelledby="gegevens-heading">
      <Heading level={2} id="gegevens-heading">
        {t('facts')}
      </Heading>
      <DataList
        items={[
          { key: t('author'), value: <AppLink to={buildAuthorPath(item.author.handle)}>{formatAuthorName(item)}</AppLink> },
          { key: t('followers'), value: item.author.followers === null ? t('unknown') : formatNumber(item.author.followers) },
          { key: t('posted'), value: <time dateTime={item.postedAt}>{formatDateTime(item.postedAt)}</time> },
          { key: t('channel'), value: names(`channel.${item.channel}` as 'channel.x') },
          { key: t('language'), value: item.language ?? t('unknown') },
          { key: t('tenor'), value: <TenorBadge tenor={item.tenor} /> },
          { key: t('tenorBy'), value: t(`source.${item.tenorSource}`) },
          ...(item.tenorSource === 'mens' ? [{ key: t('tenorAuto'), value: <TenorBadge tenor={item.tenorAuto} /> }] : []),
          { key: t('topic'), value: item.topic ?? t('noTopic') },
          { key: t('shared'), value: item.duplicates > 0 ? t('sharedCount', { count: item.duplicates, reach: formatNumber(item.reach) }) : t('notShared') },
          ...(item.publicUrl ? [{ key: t('original'), value: <ExternalLink href={item.publicUrl}>{item.publicUrl}</ExternalLink> }] : []),
        ]}
      />
    </section>
  );
}

function ItemActions({ item }: { item: ListeningItem }) {
  const t = useMessages(itemMessages);
  const { can } = useAuth();
  const navigate = useNavigate();
  const toInbox = useMutation({
    mutationFn: () => api.post<{ conversationId: string }>(`/api/v1/luisteren/items/${item.messageId}/naar-inbox`),
    onSuccess: (result) => navigate(`/inbox/${result.conversationId}`),
  });
  if (!can('inbox.handle') && !can('meldingen.manage')) return null;
  return (
    <section className="plein-section" aria-labelledby="acties-heading">
      <Heading level={2} id="acties-heading">
        {t('actions')}
      </Heading>
      <ButtonGroup>
        {can('inbox.handle') &&
          (item.conversationId ? (
            <ButtonLink to={`/inbox/${item.conversationId}`}>{t('inInbox')}</ButtonLink>
          ) : (
            <Button appearance="primary" busy={toInbox.isPending} onClick={() => toInbox.mutate()} aria-describedby="naar-inbox-uitleg">
              {t('toInbox')}
            </Button>
          ))}
        {can('meldingen.manage') && (
          <ButtonLink appearance="secondary" to={`/meldingen/nieuw?bericht=${item.messageId}`}>
            {t('makeMelding')}
          </ButtonLink>
        )}
      </ButtonGroup>
      {can('inbox.handle') && !item.conversationId && (
        <p className="utrecht-paragraph plein-muted" id="naar-inbox-uitleg">
          {t('toInboxHelp')}
        </p>
      )}
      {toInbox.isError && (
        <Alert type="error">
          <Paragraph>{t('toInboxFailed', { reason: toInbox.error instanceof ProblemError ? toInbox.error.message : String(toInbox.error) })}</Paragraph>
        </Alert>
      )}
    </section>
  );
}

function TenorOrCorrection({ item }: { item: ListeningItem }) {
  const { can } = useAuth();
  return can('listening.review') ? <TenorCorrectionForm item={item} /> : null;
}

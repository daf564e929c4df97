import { CHANNEL_CAPABILITIES } from '@contracts/channel-limits';
import { CHANNELS } from '@contracts/channels';
import { CONVERSATION_STATES } from '@contracts/inbox';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAuth, useMe } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { Button, ButtonLink, EmptyState, PageHeader, Paragraph, QueryState, SelectField, TextField } from '../../ui';
import { abuseMessages } from './abuse/abuse-messages';
import { ConversationList } from './ConversationList';
import { conversationMessages } from './conversation-messages';
import { type InboxFilters, readInboxFilters, toInboxSearchParams, useConversations } from './conversation-queries';
import { inboxMessages } from './inbox-messages';
import { SavedViews } from './SavedViews';
import { ShortcutsHelp } from './ShortcutsHelp';
import { focusConversation, useInboxShortcuts, useShortcutsEnabled } from './use-inbox-shortcuts';
import { useLiveInbox } from './use-live-inbox';

const VIEWS: InboxFilters['view'][] = ['alle', 'mijn', 'team', 'niet-toegewezen', 'ter-controle'];

// The webcare inbox: views and filters live in the address bar, so a view can be bookmarked and shared.
export function InboxPage() {
  const t = useMessages(conversationMessages);
  const phone = useMessages(inboxMessages);
  const { can } = useAuth();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = readInboxFilters(params);
  const [draft, setDraft] = useState(filters);
  // A saved view or a view link changes the address: the filter form follows it.
  const search = params.toString();
  useEffect(() => setDraft(readInboxFilters(new URLSearchParams(search))), [search]);
  const conversations = useConversations(filters);
  useLiveInbox();
  const [shortcutsOn, setShortcutsOn] = useShortcutsEnabled();
  const shortcuts = useMemo(
    () => ({
      j: () => focusConversation(1),
      k: () => focusConversation(-1),
      '/': () => document.querySelector<HTMLInputElement>('main input[type=search]')?.focus(),
    }),
    [],
  );
  useInboxShortcuts(shortcutsOn, shortcuts);
  const apply = (next: InboxFilters) => setParams(toInboxSearchParams(next));
  const abuse = useMessages(abuseMessages);
  const links = [
    can('messages.log') && (
      <ButtonLink key="telefoon" to="/inbox/telefoongesprek">
        {phone('logCall')}
      </ButtonLink>
    ),
    can('aggression.read') && (
      <ButtonLink key="agressie" appearance="secondary" to="/inbox/agressieregister">
        {abuse('registerLink')}
      </ButtonLink>
    ),
  ].filter(Boolean);
  const actions = links.length > 0 ? <div className="utrecht-button-group plein-button-group">{links}</div> : undefined;

  return (
    <>
      <PageHeader title={t('title')} lead={<Paragraph lead>{t('lead')}</Paragraph>} actions={actions} />
      <nav aria-label={t('views')} className="plein-inbox-views">
        <ul>
          {VIEWS.map((view) => (
            <li key={view}>
              <a
                href={`?${toInboxSearchParams({ ...filters, view }).toString()}`}
                aria-current={filters.view === view ? 'page' : undefined}
                className="utrecht-link"
                onClick={(event) => {
                  event.preventDefault();
                  apply({ ...filters, view });
                }}
              >
                {t(`view.${view}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <SavedViews params={params} onOpen={(next) => setParams(next)} />
      <ShortcutsHelp enabled={shortcutsOn} onChange={setShortcutsOn} keys={['j', 'k', '/']} />
      <form
        className="utrecht-form plein-filters"
        aria-label={t('filters')}
        onSubmit={(event) => {
          event.preventDefault();
          apply({ ...draft, view: filters.view });
        }}
      >
        <SelectField
          label={t('municipality')}
          value={draft.municipality}
          onChange={(municipality) => setDraft({ ...draft, municipality })}
          options={[{ value: '', label: t('allMunicipalities') }, ...me.municipalities.map((m) => ({ value: m.cbsCode, label: m.name }))]}
        />
        <SelectField
          label={t('state')}
          value={draft.state}
          onChange={(state) => setDraft({ ...draft, state })}
          options={[...CONVERSATION_STATES.map((state) => ({ value: state, label: t(`state.${state}`) })), { value: 'alle', label: t('allStates') }]}
        />
        <SelectField
          label={t('channel')}
          value={draft.channel}
          onChange={(channel) => setDraft({ ...draft, channel })}
          options={[
            { value: '', label: t('allChannels') },
            ...CHANNELS.filter((c) => c !== 'rss').map((c) => ({ value: c, label: CHANNEL_CAPABILITIES[c].label })),
          ]}
        />
        <TextField label={t('search')} type="search" value={draft.q} onChange={(q) => setDraft({ ...draft, q })} />
        <div className="plein-form__actions">
          <Button type="submit">{t('apply')}</Button>
        </div>
      </form>
      <QueryState query={conversations} loadingLabel={t('loading')} errorTitle={t('loadFailed')}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) {
            return (
              <EmptyState title={t('empty')}>
                <Paragraph>{t('lead')}</Paragraph>
              </EmptyState>
            );
          }
          return (
            <>
              <p className="utrecht-paragraph plein-result-count" role="status">
                {items.length === 1 ? t('countOne') : t('count', { count: items.length })}
              </p>
              <ConversationList items={items} />
              {conversations.hasNextPage && (
                <Button busy={conversations.isFetchingNextPage} onClick={() => void conversations.fetchNextPage()}>
                  {t('more')}
                </Button>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}

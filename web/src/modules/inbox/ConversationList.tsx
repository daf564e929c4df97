import { CHANNEL_CAPABILITIES } from '@contracts/channel-limits';
import { useMe } from '../../app/auth-context';
import { formatDateTime } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { AppLink, StatusBadge } from '../../ui';
import { ConversationStateBadge } from './ConversationStateBadge';
import { conversationMessages } from './conversation-messages';
import type { ConversationItem } from './conversation-queries';

// One row per conversation: who, where, the latest message, how long the resident has been waiting.
export function ConversationList({ items }: { items: ConversationItem[] }) {
  const t = useMessages(conversationMessages);
  const me = useMe();
  const municipalityName = (cbsCode: string) => me.municipalities.find((m) => m.cbsCode === cbsCode)?.name ?? cbsCode;
  return (
    <ol className="plein-inbox-list" aria-label={t('tableCaption')}>
      {items.map((item) => {
        const name = item.author.displayName ?? item.author.handle;
        return (
          <li key={item.id} className={`plein-inbox-item${item.unread ? ' plein-inbox-item--unread' : ''}`}>
            <div className="plein-inbox-item__head">
              {item.unread && <span className="plein-inbox-item__dot" role="img" aria-label={t('unread')} />}
              <AppLink to={`/inbox/${item.id}`} className="plein-inbox-item__who">
                {name}
              </AppLink>
              <span className="plein-muted">
                {CHANNEL_CAPABILITIES[item.channel].label} · {municipalityName(item.municipality)}
                {item.visibility === 'prive' ? ` · ${t('private')}` : ''}
                {item.simulated ? ` · ${t('simulated')}` : ''}
              </span>
              <ConversationStateBadge state={item.state} partnerDueAt={item.partnerDueAt} />
              {item.priority === 'hoog' || item.priority === 'urgent' ? <StatusBadge tone="error">{t(`priority.${item.priority}`)}</StatusBadge> : null}
              {item.labels.map((label) => (
                <StatusBadge key={label} tone="info">
                  {label}
                </StatusBadge>
              ))}
            </div>
            <p className="utrecht-paragraph plein-inbox-item__preview plein-break">{item.messages[0]?.text ?? item.preview}</p>
            <p className="utrecht-paragraph plein-muted plein-inbox-item__meta">
              {t('waiting')}: {item.waitingSince ? <time dateTime={item.waitingSince}>{formatDateTime(item.waitingSince)}</time> : t('notWaiting')}
            </p>
          </li>
        );
      })}
    </ol>
  );
}

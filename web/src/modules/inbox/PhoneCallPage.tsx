import type { Message } from '@contracts/channels';
import { useEffect, useRef, useState } from 'react';
import { useAuth, useMe } from '../../app/auth-context';
import { formatDateTime } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { Alert, AppLink, Button, EmptyState, PageHeader, Paragraph, QueryState } from '../../ui';
import { useChannelAccounts } from '../beheer/channels/channel-queries';
import { inboxMessages } from './inbox-messages';
import { PhoneCallForm, type PhoneLine } from './PhoneCallForm';

// A KCC agent notes a phone call, so the caller's question joins the same inbox as e-mails and posts.
export function PhoneCallPage() {
  const t = useMessages(inboxMessages);
  const me = useMe();
  const { activeMunicipality } = useAuth();
  const [saved, setSaved] = useState<Message | null>(null);
  const [round, setRound] = useState(0);
  // The server only lists accounts of the person's own municipalities.
  const accounts = useChannelAccounts();
  const municipalityName = (id: string) => me.municipalities.find((m) => m.id === id)?.name ?? '';

  return (
    <div className="plein-narrow">
      <Paragraph>
        <AppLink to="/inbox">{t('backToInbox')}</AppLink>
      </Paragraph>
      <PageHeader title={t('phoneTitle')} lead={<Paragraph lead>{t('phoneLead')}</Paragraph>} />
      <QueryState query={accounts} loadingLabel={t('linesLoading')} errorTitle={t('linesFailed')}>
        {(list) => {
          const lines: PhoneLine[] = list
            .filter((account) => account.channel === 'telefoon' && !account.paused)
            .map((account) => ({ account, municipalityName: municipalityName(account.municipalityId) }))
            .sort((a, b) => a.municipalityName.localeCompare(b.municipalityName, 'nl'));
          if (lines.length === 0) {
            return (
              <EmptyState title={t('noLinesTitle')}>
                <Paragraph>{t('noLinesText')}</Paragraph>
              </EmptyState>
            );
          }
          const initial = lines.length === 1 ? lines[0]?.account.id : lines.find((line) => line.account.municipalityId === activeMunicipality?.id)?.account.id;
          return (
            <>
              {saved && <SavedNotice message={saved} onAnother={() => setSaved(null)} />}
              {!saved && (
                <PhoneCallForm
                  key={round}
                  lines={lines}
                  initialLineId={initial ?? ''}
                  focusOnMount={round > 0}
                  onSaved={(message) => {
                    setSaved(message);
                    setRound((count) => count + 1);
                  }}
                />
              )}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

function SavedNotice({ message, onAnother }: { message: Message; onAnother: () => void }) {
  const t = useMessages(inboxMessages);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="plein-confirmation">
      <Alert type="ok" title={t('savedTitle')}>
        <Paragraph>{t('savedText', { time: formatDateTime(message.postedAt) })}</Paragraph>
      </Alert>
      <Button appearance="primary" onClick={onAnother}>
        {t('another')}
      </Button>
    </div>
  );
}

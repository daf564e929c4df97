import type { QuarantinedMessage, QuarantineRetryOutcome } from '@contracts/channels';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ProblemError } from '../../../app/api-client';
import { commonMessages } from '../../../app/common-messages';
import { formatDateTime } from '../../../app/format';
import { useMessages } from '../../../app/i18n';
import { Alert, Button, ConfirmButton, DataTable, Heading, Paragraph, QueryState } from '../../../ui';
import { channelAccountsQueryKey } from './channel-queries';
import { channelsMessages } from './channels-messages';

type Notice = { type: 'ok' | 'error'; text: string };

// Messages the database would not store, set aside so the rest of the channel kept flowing (the account shows
// "aandacht nodig" while there are any). Shown only when there are, so a healthy account's page stays short.
export function QuarantineSection({ accountId, count, canManage }: { accountId: string; count: number; canManage: boolean }) {
  const t = useMessages(channelsMessages);
  const common = useMessages(commonMessages);
  const queryClient = useQueryClient();
  const queryKey = [...channelAccountsQueryKey, accountId, 'quarantine'];
  const entries = useQuery({
    queryKey,
    queryFn: () => api.get<QuarantinedMessage[]>(`/api/v1/channel-accounts/${accountId}/quarantine`),
    enabled: count > 0,
  });
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // The last one removed or stored: the section goes, the outcome stays readable.
  if (count === 0) return notice ? <Alert type={notice.type}>{notice.text}</Alert> : null;

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: channelAccountsQueryKey });
  };
  const act = async (entry: QuarantinedMessage, work: () => Promise<Notice>) => {
    setBusy(entry.id);
    setNotice(null);
    try {
      setNotice(await work());
      await refresh();
    } catch (error) {
      setNotice({ type: 'error', text: error instanceof ProblemError ? error.message : String(error) });
    } finally {
      setBusy(null);
    }
  };
  const retry = (entry: QuarantinedMessage) =>
    act(entry, async () => {
      const outcome = await api.post<QuarantineRetryOutcome>(`/api/v1/channel-accounts/${accountId}/quarantine/${entry.id}/retry`);
      return outcome.stored
        ? { type: 'ok', text: t('quarantineStored') }
        : { type: 'error', text: t('quarantineStillFailing', { error: outcome.entry?.error ?? entry.error }) };
    });
  const discard = (entry: QuarantinedMessage) =>
    act(entry, async () => {
      await api.delete(`/api/v1/channel-accounts/${accountId}/quarantine/${entry.id}`);
      return { type: 'ok', text: t('quarantineDiscarded') };
    });

  return (
    <section className="plein-section" aria-labelledby="apart-gezet">
      <Heading level={2} id="apart-gezet">
        {t('quarantineHeading')}
      </Heading>
      <Alert type="warning">{count === 1 ? t('quarantineLeadOne') : t('quarantineLead', { count: String(count) })}</Alert>
      <Paragraph>{t('quarantineExplanation')}</Paragraph>
      {notice && <Alert type={notice.type}>{notice.text}</Alert>}
      <QueryState query={entries} loadingLabel={t('quarantineLoading')} errorTitle={common('loadFailed')}>
        {(rows) => (
          <DataTable
            caption={t('quarantineCaption')}
            captionHidden
            rowKey={(entry) => entry.id}
            rows={rows}
            columns={[
              {
                header: t('quarantineMessage'),
                cell: (entry) => (
                  <>
                    <div className="plein-break">{entry.excerpt || t('quarantineNoText')}</div>
                    <div className="plein-muted plein-break">
                      {entry.author} · {entry.platformId}
                    </div>
                  </>
                ),
              },
              { header: t('quarantineError'), cell: (entry) => <span className="plein-break">{entry.error}</span> },
              {
                header: t('quarantineTried'),
                cell: (entry) => t('quarantineAttempts', { count: String(entry.attempts), time: formatDateTime(entry.lastTriedAt) }),
              },
              ...(canManage
                ? [
                    {
                      header: t('quarantineActions'),
                      hideLabelWhenStacked: true,
                      cell: (entry: QuarantinedMessage) => (
                        <span className="plein-badge-row">
                          <Button busy={busy === entry.id} onClick={() => void retry(entry)}>
                            {t('quarantineRetry')}
                          </Button>
                          <ConfirmButton
                            label={t('quarantineDiscard')}
                            question={t('quarantineDiscardQuestion')}
                            confirmLabel={t('quarantineDiscardConfirm')}
                            cancelLabel={common('cancel')}
                            busy={busy === entry.id}
                            onConfirm={() => void discard(entry)}
                          />
                        </span>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}

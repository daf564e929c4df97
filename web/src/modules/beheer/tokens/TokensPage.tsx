import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ProblemError } from '../../../app/api-client';
import { commonMessages } from '../../../app/common-messages';
import { formatDate, formatDateTime } from '../../../app/format';
import { useMessages } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/use-form-submit';
import { Alert, Button, ConfirmButton, DataTable, EmptyState, Heading, PageHeader, Paragraph, QueryState, StatusBadge, TextField } from '../../../ui';
import { NewTokenNotice } from './NewTokenNotice';
import { tokensMessages } from './tokens-messages';

interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const tokensKey = ['api-tokens'] as const;

export function TokensPage() {
  const t = useMessages(tokensMessages);
  const common = useMessages(commonMessages);
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: tokensKey, queryFn: () => api.get<ApiToken[]>('/api/v1/me/api-tokens') });
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [notice, setNotice] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const creation = useFormSubmit({
    onStart: () => setNotice(null),
    validate: (): Record<string, string> => (name.trim() ? {} : { name: common('required') }),
    send: async () => {
      const answer = await api.post<ApiToken & { token: string }>('/api/v1/me/api-tokens', { name: name.trim() });
      setCreated({ name: answer.name, token: answer.token });
      setName('');
      await queryClient.invalidateQueries({ queryKey: tokensKey });
    },
    fields: ['name'],
  });

  const revoke = async (token: ApiToken) => {
    setNotice(null);
    try {
      await api.delete(`/api/v1/me/api-tokens/${token.id}`);
      setNotice({ type: 'ok', text: t('revokedDone', { name: token.name }) });
      await queryClient.invalidateQueries({ queryKey: tokensKey });
    } catch (error) {
      setNotice({ type: 'error', text: error instanceof ProblemError ? error.message : String(error) });
    }
  };

  return (
    <>
      <PageHeader title={t('title')} lead={<Paragraph lead>{t('lead')}</Paragraph>} />
      {notice && <Alert type={notice.type}>{notice.text}</Alert>}
      {creation.problem && <Alert type="error">{creation.problem}</Alert>}
      {created && <NewTokenNotice name={created.name} token={created.token} />}
      <section className="plein-section plein-narrow" aria-labelledby="nieuw-token">
        <Heading level={2} id="nieuw-token">
          {t('createHeading')}
        </Heading>
        <form className="utrecht-form plein-form" onSubmit={creation.submit} noValidate>
          <TextField label={t('name')} description={t('nameHelp')} maxLength={120} value={name} onChange={setName} error={creation.errors.name} />
          <div className="plein-form__actions">
            <Button type="submit" appearance="primary" busy={creation.busy}>
              {creation.busy ? t('creating') : t('create')}
            </Button>
          </div>
        </form>
      </section>
      <section className="plein-section" aria-labelledby="uw-tokens">
        <Heading level={2} id="uw-tokens">
          {t('listHeading')}
        </Heading>
        <QueryState query={tokens} loadingLabel={t('loading')} errorTitle={t('title')}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState level={3} title={t('emptyTitle')}>
                <Paragraph>{t('emptyText')}</Paragraph>
              </EmptyState>
            ) : (
              <DataTable<ApiToken>
                caption={t('tableCaption')}
                captionHidden
                rows={list}
                rowKey={(token) => token.id}
                columns={[
                  { header: t('tokenName'), cell: (token) => token.name },
                  { header: t('createdAt'), cell: (token) => formatDateTime(token.createdAt) },
                  { header: t('lastUsedAt'), cell: (token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('never')) },
                  {
                    header: t('status'),
                    cell: (token) =>
                      token.revokedAt ? (
                        <StatusBadge tone="neutral">{t('revoked', { date: formatDate(token.revokedAt) })}</StatusBadge>
                      ) : (
                        <StatusBadge tone="ok">{t('active')}</StatusBadge>
                      ),
                  },
                  {
                    header: t('actions'),
                    hideLabelWhenStacked: true,
                    cell: (token) =>
                      token.revokedAt ? null : (
                        <ConfirmButton
                          label={t('revoke')}
                          question={t('revokeQuestion', { name: token.name })}
                          confirmLabel={t('revokeConfirm')}
                          cancelLabel={common('cancel')}
                          onConfirm={() => revoke(token)}
                        />
                      ),
                  },
                ]}
              />
            )
          }
        </QueryState>
      </section>
    </>
  );
}

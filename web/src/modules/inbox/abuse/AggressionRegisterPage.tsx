import type { AggressionEntry, aggressionRegisterSchema } from '@contracts/abuse';
import { CHANNEL_CAPABILITIES } from '@contracts/channel-limits';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { api, buildQueryString } from '../../../app/api-client';
import { useMe } from '../../../app/auth-context';
import { formatDate, formatDateTime } from '../../../app/format';
import { useMessages } from '../../../app/i18n';
import { AppLink, Button, type Column, DataTable, EmptyState, PageHeader, Paragraph, QueryState, SelectField, TextField } from '../../../ui';
import { abuseMessages } from './abuse-messages';

type Register = z.infer<typeof aggressionRegisterSchema>;

// Inbox → Agressieregister: the incidents of a period, filters in the address bar, and the CSV for the
// yearly count (the employer's duty of care asks for it).
export function AggressionRegisterPage() {
  const t = useMessages(abuseMessages);
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = { municipality: params.get('gemeente') ?? '', from: params.get('van') ?? '', to: params.get('tot') ?? '' };
  const [draft, setDraft] = useState(filters);
  const query = buildQueryString({ municipality: filters.municipality || undefined, from: filters.from || undefined, to: filters.to || undefined });
  const register = useQuery({ queryKey: ['agressieregister', query], queryFn: () => api.get<Register>(`/api/v1/aggression-register${query}`) });

  const columns: Array<Column<AggressionEntry>> = [
    { header: t('date'), cell: (entry) => <time dateTime={entry.postedAt}>{formatDateTime(entry.postedAt)}</time> },
    { header: t('municipality'), cell: (entry) => entry.municipalityName },
    { header: t('channel'), cell: (entry) => `${CHANNEL_CAPABILITIES[entry.channel]?.label ?? entry.channel} · ${entry.accountHandle}` },
    {
      header: t('author'),
      cell: (entry) => (
        <span className="plein-break">{entry.author.displayName ? `${entry.author.displayName} (${entry.author.handle})` : entry.author.handle}</span>
      ),
    },
    { header: t('text'), cell: (entry) => <span className="plein-break plein-pre-line">{entry.text}</span> },
    {
      header: t('taken'),
      cell: (entry) =>
        [entry.actions.length > 0 ? entry.actions.map((action) => t(`action.${action}`)).join(', ') : t('onlyRegistered'), entry.note]
          .filter(Boolean)
          .join('. '),
    },
    { header: t('recordedBy'), cell: (entry) => `${entry.recordedBy}, ${formatDate(entry.recordedAt)}` },
    {
      header: t('conversation'),
      hideLabelWhenStacked: true,
      cell: (entry) => (entry.conversationId ? <AppLink to={`/inbox/${entry.conversationId}`}>{t('openConversation')}</AppLink> : t('gone')),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('registerTitle')}
        lead={<Paragraph lead>{t('registerLead')}</Paragraph>}
        actions={
          <a
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            href={`/api/v1/aggression-register/csv${query}`}
            download
          >
            {t('downloadCsv')}
          </a>
        }
      />
      <form
        className="utrecht-form plein-filters"
        aria-label={t('registerTitle')}
        onSubmit={(event) => {
          event.preventDefault();
          const next = new URLSearchParams();
          if (draft.municipality) next.set('gemeente', draft.municipality);
          if (draft.from) next.set('van', draft.from);
          if (draft.to) next.set('tot', draft.to);
          setParams(next);
        }}
      >
        <SelectField
          label={t('municipality')}
          value={draft.municipality}
          onChange={(municipality) => setDraft({ ...draft, municipality })}
          options={[{ value: '', label: t('allMunicipalities') }, ...me.municipalities.map((m) => ({ value: m.cbsCode, label: m.name }))]}
        />
        <TextField label={t('from')} type="date" value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
        <TextField label={t('to')} type="date" value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
        <div className="plein-form__actions">
          <Button type="submit">{t('apply')}</Button>
        </div>
      </form>
      <QueryState query={register} loadingLabel={t('loading')} errorTitle={t('loadFailed')}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('empty')}>
              <Paragraph>{t('emptyHelp')}</Paragraph>
            </EmptyState>
          ) : (
            <>
              <p className="utrecht-paragraph plein-result-count" role="status">
                {t('summary', { count: data.count, from: formatDate(data.from), to: formatDate(data.to), ...data.actions })}
              </p>
              <DataTable caption={t('caption')} captionHidden columns={columns} rows={data.items} rowKey={(entry) => entry.id} />
            </>
          )
        }
      </QueryState>
    </>
  );
}

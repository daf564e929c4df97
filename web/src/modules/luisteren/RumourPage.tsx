import type { RumourDetail } from '@contracts/rumours';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { formatDate, formatDateTime, formatNumber } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { AppLink, Button, ConfirmButton, DataList, FormProblem, Heading, PageHeader, Paragraph, QueryState, TextField } from '../../ui';
import { RumourChecklistForm } from './RumourChecklistForm';
import { RumourCorrectionForm } from './RumourCorrectionForm';
import { RumourSpreadChart } from './RumourSpreadChart';
import { RumourStatusBadge } from './RumourStatusBadge';
import { rumourMessages } from './rumour-messages';
import { rumoursKey, useRumour } from './rumour-queries';

// Luisteren → Geruchten → one rumour: where it started, how it spreads next to its correction, the checks
// and the messages that belong to it.
export function RumourPage() {
  const t = useMessages(rumourMessages);
  const { id = '' } = useParams();
  const { can } = useAuth();
  const rumour = useRumour(id);
  const canManage = can('listening.manage');
  return (
    <>
      <Paragraph>
        <AppLink to="/luisteren/geruchten">{t('back')}</AppLink>
      </Paragraph>
      <QueryState query={rumour} loadingLabel={t('detailLoading')} errorTitle={t('detailLoadFailed')}>
        {(data) => (
          <>
            <PageHeader title={data.title} />
            <RumourFacts rumour={data} />
            <RumourSpreadChart rumour={data} />
            {canManage && <RumourChecklistForm rumour={data} />}
            <RumourCorrectionForm rumour={data} canManage={canManage} />
            <RumourMessageList rumour={data} canManage={canManage} />
          </>
        )}
      </QueryState>
    </>
  );
}

function RumourFacts({ rumour }: { rumour: RumourDetail }) {
  const t = useMessages(rumourMessages);
  const bucket = t(`bucket.${rumour.bucket}`);
  const hasCorrection = rumour.correction.message !== null || rumour.correction.url !== null;
  const moment = (at: string) => (rumour.bucket === 'dag' ? formatDate(at) : formatDateTime(at));
  return (
    <section className="plein-section" aria-labelledby="stand-heading">
      <Heading level={2} id="stand-heading">
        {t('facts')}
      </Heading>
      {rumour.origin ? (
        <>
          <Paragraph>
            {t('startedWith')} {rumour.origin.author}, <time dateTime={rumour.origin.postedAt}>{formatDateTime(rumour.origin.postedAt)}</time>:
          </Paragraph>
          <blockquote className="plein-luisteren-quote plein-break plein-pre-line">{rumour.origin.text}</blockquote>
          <Paragraph>
            <AppLink to={`/luisteren/berichten/${rumour.origin.messageId}`}>{t('openItem')}</AppLink>
          </Paragraph>
        </>
      ) : (
        <Paragraph>{t('originGone')}</Paragraph>
      )}
      <DataList
        items={[
          { key: t('statusLabel'), value: <RumourStatusBadge status={rumour.status} /> },
          { key: t('totalMessages'), value: formatNumber(rumour.totals.rumour) },
          { key: t('copies'), value: formatNumber(rumour.totals.copies) },
          { key: t('reach'), value: formatNumber(rumour.totals.reach) },
          { key: t('correctionMessages'), value: hasCorrection ? formatNumber(rumour.totals.correction) : t('noCorrection') },
        ]}
      />
      <Paragraph>
        <AppLink to={`/luisteren?gerucht=${rumour.id}`}>{t('exploreRumour')}</AppLink>
      </Paragraph>
      {hasCorrection && (
        <Paragraph>
          {rumour.correctionAheadAt ? t('correctionAhead', { moment: moment(rumour.correctionAheadAt) }) : t('correctionBehind', { bucket })}
        </Paragraph>
      )}
    </section>
  );
}

function RumourMessageList({ rumour, canManage }: { rumour: RumourDetail; canManage: boolean }) {
  const t = useMessages(rumourMessages);
  const queryClient = useQueryClient();
  const [added, setAdded] = useState('');
  const remove = async (messageId: string) => {
    await api.delete(`/api/v1/geruchten/${rumour.id}/berichten/${messageId}`);
    await queryClient.invalidateQueries({ queryKey: rumoursKey });
  };
  const form = useFormSubmit({
    fields: ['messageIds'],
    renameFields: { 'messageIds.0': 'messageIds' },
    validate: (): Record<string, string> => (/^[0-9a-f-]{36}$/i.test(added.trim().split('/').pop() ?? '') ? {} : { messageIds: t('invalidId') }),
    send: async () => {
      await api.post(`/api/v1/geruchten/${rumour.id}/berichten`, { messageIds: [added.trim().split('/').pop()] });
      setAdded('');
      await queryClient.invalidateQueries({ queryKey: rumoursKey });
    },
  });
  return (
    <>
      <section className="plein-section" aria-labelledby="gekoppeld-heading">
        <Heading level={2} id="gekoppeld-heading">
          {t('linkedHeading')}
        </Heading>
        <Paragraph>{t('linkedLead')}</Paragraph>
        <ul className="plein-map-list">
          {rumour.linked.map((message) => (
            <li key={message.messageId} className="plein-map-list__item">
              <time dateTime={message.postedAt}>{formatDateTime(message.postedAt)}</time> {message.author}
              {message.origin && ` (${t('origin')})`}
              {message.copies > 0 && ` — ${t('copiesOf', { count: message.copies })}`}:{' '}
              <AppLink to={`/luisteren/berichten/${message.messageId}`} className="plein-break">
                {message.text.length > 140 ? `${message.text.slice(0, 137)}…` : message.text}
              </AppLink>
              {canManage && !message.origin && (
                <ConfirmButton
                  label={t('remove')}
                  question={t('removeQuestion')}
                  confirmLabel={t('removeConfirm')}
                  cancelLabel={t('cancel')}
                  onConfirm={() => remove(message.messageId)}
                />
              )}
            </li>
          ))}
        </ul>
        {canManage && (
          <form className="utrecht-form plein-form" onSubmit={(event) => void form.submit(event)} noValidate>
            <FormProblem title={t('saveFailed')} problem={form.problem} />
            <TextField label={t('addField')} description={t('addHelp')} value={added} onChange={setAdded} error={form.errors.messageIds} />
            <div className="plein-form__actions">
              <Button type="submit" busy={form.busy}>
                {t('add')}
              </Button>
            </div>
          </form>
        )}
      </section>
      <section className="plein-section" aria-labelledby="nieuwste-heading">
        <Heading level={2} id="nieuwste-heading">
          {t('newestHeading')}
        </Heading>
        <ul className="plein-map-list">
          {rumour.newest.map((message) => (
            <li key={message.messageId} className="plein-map-list__item">
              <time dateTime={message.postedAt}>{formatDateTime(message.postedAt)}</time> {message.author}
              {message.copyOf && ` (${t('copyMark')})`}:{' '}
              <AppLink to={`/luisteren/berichten/${message.messageId}`} className="plein-break">
                {message.text.length > 140 ? `${message.text.slice(0, 137)}…` : message.text}
              </AppLink>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

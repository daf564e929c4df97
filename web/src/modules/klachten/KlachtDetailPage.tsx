import type { KlachtDetail } from '@contracts/klachten';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useAuth } from '../../app/auth-context';
import { formatDate, formatDateTime } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { AppLink, DataList, EmailAddress, Heading, PageHeader, Paragraph, QueryState } from '../../ui';
import { DecisionForm, ExtensionForm, HandlerForm, HearingForm } from './KlachtAwbForms';
import { KlachtDeadline, KlachtStatusBadge } from './KlachtStatusBadge';
import { KlachtNoteForm, KlachtStatusForm } from './KlachtStatusForms';
import { KlachtTimeline } from './KlachtTimeline';
import type { OnUpdated } from './klacht-form-props';
import { klachtenMessages } from './klachten-messages';
import { klachtenQueryKey, useKlacht } from './klachten-queries';

export function KlachtDetailPage() {
  const { id = '' } = useParams();
  const t = useMessages(klachtenMessages);
  const klacht = useKlacht(id);
  return (
    <>
      <Paragraph>
        <AppLink to="/klachten">{t('backToList')}</AppLink>
      </Paragraph>
      <QueryState query={klacht} loadingLabel={t('detailLoading')} errorTitle={t('notFound')}>
        {(loaded) => <KlachtView klacht={loaded} />}
      </QueryState>
    </>
  );
}

function KlachtView({ klacht }: { klacht: KlachtDetail }) {
  const t = useMessages(klachtenMessages);
  const { can, me } = useAuth();
  const queryClient = useQueryClient();
  const municipalityName = me?.municipalities.find((m) => m.id === klacht.municipalityId)?.name ?? '';
  const closed = klacht.closedAt !== null;

  // Every action answers with the klacht as it now is: show it, and let lists fetch again.
  const updated: OnUpdated = async (next) => {
    queryClient.setQueryData([...klachtenQueryKey, klacht.id], next);
    await queryClient.invalidateQueries({ queryKey: [...klachtenQueryKey, 'lijst'] });
  };

  const facts = [
    { key: t('municipality'), value: municipalityName },
    { key: t('theme'), value: t(`theme.${klacht.theme}`) },
    { key: t('channel'), value: t(`channel.${klacht.channel}`) },
    { key: t('receivedOn'), value: formatDate(`${klacht.receivedOn}T12:00:00Z`) },
    {
      key: t('deadline'),
      value: closed ? t('none') : <KlachtDeadline deadline={klacht.deadline} overdue={klacht.overdue} extended={klacht.extension !== null} />,
    },
    ...(klacht.extension
      ? [
          { key: t('originalDeadline'), value: formatDate(klacht.originalDeadline) },
          {
            key: t('extendedUntil', { weeks: klacht.extension.weeks }),
            value: <span className="plein-break">{`${formatDate(klacht.deadline)}: ${klacht.extension.reason}`}</span>,
          },
        ]
      : []),
    { key: t('handler'), value: klacht.handlerName ?? t('nobody') },
    ...(klacht.complainedUserName || klacht.complainedAbout
      ? [
          {
            key: t('complainedUser'),
            value: <span className="plein-break">{[klacht.complainedUserName, klacht.complainedAbout].filter(Boolean).join(' – ')}</span>,
          },
        ]
      : []),
    {
      key: t('hearing'),
      value: klacht.hearing ? `${formatDateTime(klacht.hearing.at)}, ${klacht.hearing.place}` : klacht.hearingWaived ? t('hearingWaived') : t('noHearing'),
    },
    { key: t('acknowledged'), value: klacht.acknowledgedAt ? t('acknowledgedByMail', { date: formatDate(klacht.acknowledgedAt) }) : t('acknowledgedByPost') },
    ...(klacht.outcome ? [{ key: t('outcome'), value: t(`outcome.${klacht.outcome}`) }] : []),
    ...(klacht.closedAt ? [{ key: t('closedAt'), value: formatDate(klacht.closedAt) }] : []),
  ];
  const contact = [
    { key: t('complainantName'), value: <span className="plein-break">{klacht.complainantName}</span> },
    { key: t('complainantEmail'), value: klacht.complainantEmail ? <EmailAddress value={klacht.complainantEmail} /> : t('noEmail') },
    ...(klacht.complainantPhone ? [{ key: t('complainantPhone'), value: klacht.complainantPhone }] : []),
    ...(klacht.complainantAddress
      ? [{ key: t('complainantAddress'), value: <span className="plein-break plein-pre-line">{klacht.complainantAddress}</span> }]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('detailTitle', { number: klacht.number })}
        lead={
          <div className="plein-melding-header">
            <span className="plein-melding-header__category">{t(`theme.${klacht.theme}`)}</span>
            <KlachtStatusBadge status={klacht.status} />
          </div>
        }
      />
      <div className="plein-melding-layout">
        <div className="plein-melding-layout__main">
          <section className="plein-section" aria-labelledby="klacht-onderwerp">
            <Heading level={2} id="klacht-onderwerp">
              {t('aboutHeading')}
            </Heading>
            <Paragraph className="plein-break plein-pre-line">{klacht.subject}</Paragraph>
            {klacht.conclusion && (
              <>
                <Heading level={3}>{t('conclusion')}</Heading>
                <Paragraph className="plein-break plein-pre-line">{klacht.conclusion}</Paragraph>
              </>
            )}
          </section>
          <section className="plein-section" aria-labelledby="klacht-gegevens">
            <Heading level={2} id="klacht-gegevens">
              {t('facts')}
            </Heading>
            <DataList items={facts} />
          </section>
          <section className="plein-section" aria-labelledby="klacht-contact">
            <Heading level={2} id="klacht-contact">
              {t('contact')}
            </Heading>
            <DataList items={contact} />
          </section>
        </div>
        <div className="plein-melding-layout__side">
          {can('klachten.manage') ? (
            <section className="plein-section" aria-labelledby="klacht-behandelen">
              <Heading level={2} id="klacht-behandelen">
                {t('actionsHeading')}
              </Heading>
              {closed ? (
                <Paragraph className="plein-muted">{t('closedNotice')}</Paragraph>
              ) : (
                <>
                  <HandlerForm klacht={klacht} onUpdated={updated} />
                  <HearingForm klacht={klacht} onUpdated={updated} />
                  <ExtensionForm klacht={klacht} onUpdated={updated} />
                  <DecisionForm klacht={klacht} onUpdated={updated} />
                  <KlachtStatusForm klacht={klacht} onUpdated={updated} />
                </>
              )}
              <KlachtNoteForm klacht={klacht} onUpdated={updated} />
            </section>
          ) : (
            <Paragraph className="plein-muted">{t('readOnly')}</Paragraph>
          )}
          <KlachtTimeline klacht={klacht} />
        </div>
      </div>
    </>
  );
}

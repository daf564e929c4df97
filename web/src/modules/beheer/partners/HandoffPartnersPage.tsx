import type { HandoffPartner } from '@contracts/handoff';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../app/api-client';
import { useMessages } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/use-form-submit';
import {
  Alert,
  Button,
  ConfirmButton,
  DataTable,
  EmptyState,
  FormProblem,
  Heading,
  PageHeader,
  Paragraph,
  QueryState,
  SelectField,
  TextField,
} from '../../../ui';
import { useOrganisation } from '../organisation-queries';
import { partnersMessages } from './partners-messages';

const partnersKey = ['handoff-partners'];

// Beheer → Partners: the outside organisations the inbox can hand a question to.
export function HandoffPartnersPage() {
  const t = useMessages(partnersMessages);
  const partners = useQuery({ queryKey: partnersKey, queryFn: () => api.get<HandoffPartner[]>('/api/v1/handoff-partners') });
  const organisation = useOrganisation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<HandoffPartner | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const municipalityName = (id: string | null) => (id ? (organisation.data?.municipalities.find((m) => m.id === id)?.name ?? '…') : t('allMunicipalities'));
  const refresh = () => queryClient.invalidateQueries({ queryKey: partnersKey });

  return (
    <>
      <PageHeader title={t('title')} lead={<Paragraph lead>{t('lead')}</Paragraph>} />
      <div role="status">{notice && <Alert type="ok">{notice}</Alert>}</div>
      <QueryState query={partners} loadingLabel={t('loading')} errorTitle={t('loadFailed')}>
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState title={t('emptyTitle')}>
              <Paragraph>{t('emptyText')}</Paragraph>
            </EmptyState>
          ) : (
            <DataTable
              caption={t('caption')}
              captionHidden
              rows={rows}
              rowKey={(row) => row.id}
              columns={[
                { header: t('name'), cell: (row) => row.name },
                { header: t('email'), cell: (row) => <span className="plein-break">{row.email}</span> },
                { header: t('municipality'), cell: (row) => municipalityName(row.municipalityId) },
                { header: t('answerDays'), cell: (row) => t('days', { days: row.answerDays }), numeric: true },
                {
                  header: t('actions'),
                  hideLabelWhenStacked: true,
                  cell: (row) => (
                    <span className="plein-badge-row">
                      <Button onClick={() => setEditing(row)}>{t('edit')}</Button>
                      <ConfirmButton
                        label={t('remove')}
                        question={t('removeQuestion', { name: row.name })}
                        confirmLabel={t('removeConfirm')}
                        cancelLabel={t('cancel')}
                        onConfirm={async () => {
                          await api.delete(`/api/v1/handoff-partners/${row.id}`);
                          setNotice(t('removed', { name: row.name }));
                          if (editing?.id === row.id) setEditing(null);
                          await refresh();
                        }}
                      />
                    </span>
                  ),
                },
              ]}
            />
          )
        }
      </QueryState>
      <PartnerForm
        key={editing?.id ?? 'nieuw'}
        partner={editing}
        municipalities={organisation.data?.municipalities ?? []}
        onSaved={async (saved, created) => {
          setNotice(t(created ? 'added' : 'saved', { name: saved.name }));
          setEditing(null);
          await refresh();
        }}
      />
    </>
  );
}

function PartnerForm({
  partner,
  municipalities,
  onSaved,
}: {
  partner: HandoffPartner | null;
  municipalities: Array<{ id: string; name: string }>;
  onSaved: (partner: HandoffPartner, created: boolean) => Promise<void>;
}) {
  const t = useMessages(partnersMessages);
  const [name, setName] = useState(partner?.name ?? '');
  const [email, setEmail] = useState(partner?.email ?? '');
  const [municipalityId, setMunicipalityId] = useState(partner?.municipalityId ?? '');
  const [answerDays, setAnswerDays] = useState(String(partner?.answerDays ?? 5));

  const { submit, errors, problem, busy } = useFormSubmit({
    validate: (): Record<string, string> => ({
      ...(!name.trim() && { name: t('required') }),
      ...(!email.trim() && { email: t('required') }),
      ...(!answerDays.trim() && { answerDays: t('required') }),
    }),
    send: async () => {
      const body = { name: name.trim(), email: email.trim(), municipalityId: municipalityId || null, answerDays: Number(answerDays) };
      const saved = partner
        ? await api.patch<HandoffPartner>(`/api/v1/handoff-partners/${partner.id}`, body)
        : await api.post<HandoffPartner>('/api/v1/handoff-partners', body);
      if (!partner) {
        setName('');
        setEmail('');
        setMunicipalityId('');
        setAnswerDays('5');
      }
      await onSaved(saved, !partner);
    },
    fieldOfCode: { 'partner-bestaat-al': 'name' },
    fields: ['name', 'email', 'municipalityId', 'answerDays'],
  });

  return (
    <section className="plein-section" aria-labelledby="partner-formulier">
      <Heading level={2} id="partner-formulier">
        {partner ? t('editHeading', { name: partner.name }) : t('addHeading')}
      </Heading>
      <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
        <FormProblem title={t('failed')} problem={problem} />
        <TextField label={t('name')} value={name} onChange={setName} error={errors.name} maxLength={120} autoComplete="organization" />
        <TextField label={t('email')} type="email" value={email} onChange={setEmail} error={errors.email} autoComplete="email" />
        <SelectField
          label={t('municipality')}
          value={municipalityId}
          onChange={setMunicipalityId}
          error={errors.municipalityId}
          options={[{ value: '', label: t('allMunicipalities') }, ...municipalities.map((m) => ({ value: m.id, label: m.name }))]}
        />
        <TextField
          label={t('answerDays')}
          description={t('answerDaysHelp')}
          type="number"
          min={1}
          max={60}
          inputMode="numeric"
          value={answerDays}
          onChange={setAnswerDays}
          error={errors.answerDays}
        />
        <div className="plein-form__actions">
          <Button type="submit" appearance="primary" busy={busy}>
            {partner ? t('save') : t('add')}
          </Button>
        </div>
      </form>
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, ProblemError } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { Alert, Loading, PageHeader, Paragraph } from '../../ui';
import './melden.css';
import { MeldingConfirmation } from './MeldingConfirmation';
import { MeldingForm } from './MeldingForm';
import { buildMunicipalityPath, type MapSettings, type MeldingCategory, type MeldingReceipt } from './melden-api';
import { meldenMessages } from './melden-messages';

// The public melding form of one municipality: for residents, without an account, phone first.
export function MeldenPage() {
  const { slug = '', cbsCode = '' } = useParams();
  const t = useMessages(meldenMessages);
  const basePath = buildMunicipalityPath(slug, cbsCode);
  const categories = useQuery({
    queryKey: ['melden-categories', slug, cbsCode],
    queryFn: () => api.get<{ municipality: string; categories: MeldingCategory[] }>(`${basePath}/melding-categories`),
    retry: false,
  });
  const settings = useQuery({ queryKey: ['melden-map', slug, cbsCode], queryFn: () => api.get<MapSettings>(`${basePath}/map-settings`), retry: false });
  const [filed, setFiled] = useState<{ receipt: MeldingReceipt; emailed: boolean } | null>(null);
  // A new key gives a fresh, empty form after "report something else".
  const [round, setRound] = useState(0);

  if (categories.isPending || settings.isPending) return <Loading label={t('loading')} />;
  const error = categories.error ?? settings.error;
  if (error || !categories.data || !settings.data) {
    const missing = error instanceof ProblemError && (error.status === 404 || error.status === 400);
    return (
      <div className="plein-narrow">
        <PageHeader title={missing ? t('notFoundTitle') : t('loadFailed')} />
        {missing ? <Paragraph>{t('notFoundText')}</Paragraph> : <Alert type="error">{error?.message}</Alert>}
      </div>
    );
  }
  const municipality = categories.data.municipality;
  return (
    <div className="plein-narrow plein-melden">
      <PageHeader
        title={t('title', { municipality })}
        documentTitle={t('documentTitle', { municipality })}
        lead={filed ? undefined : <Paragraph lead>{t('lead')}</Paragraph>}
      />
      {filed ? (
        <MeldingConfirmation
          slug={slug}
          receipt={filed.receipt}
          emailed={filed.emailed}
          onAgain={() => {
            setFiled(null);
            setRound((n) => n + 1);
          }}
        />
      ) : (
        <MeldingForm
          key={round}
          basePath={basePath}
          categories={categories.data.categories}
          settings={settings.data}
          onFiled={(receipt, emailed) => setFiled({ receipt, emailed })}
        />
      )}
    </div>
  );
}

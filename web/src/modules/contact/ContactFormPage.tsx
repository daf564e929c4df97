import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useParams } from 'react-router';
import { api, ProblemError } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { applyAccent } from '../../app/theme';
import { Alert, Loading, PageHeader, Paragraph } from '../../ui';
import { ContactForm } from './ContactForm';
import { contactMessages } from './contact-messages';

interface ContactFormInfo {
  municipality: string;
  houseColour: string;
  formName: string;
}

// The public contact form of one municipality, for residents without an account.
export function ContactFormPage() {
  const { slug = '', cbsCode = '' } = useParams();
  const t = useMessages(contactMessages);
  const basePath = `/api/v1/organisations/${encodeURIComponent(slug)}/municipalities/${encodeURIComponent(cbsCode)}`;
  const info = useQuery({ queryKey: ['contact-form', slug, cbsCode], queryFn: () => api.get<ContactFormInfo>(`${basePath}/contact-form`), retry: false });
  useHouseColour(info.data?.houseColour);

  if (info.isPending) return <Loading label={t('loading')} />;
  if (info.isError) {
    const missing = info.error instanceof ProblemError && (info.error.status === 404 || info.error.status === 400);
    return (
      <div className="plein-narrow">
        <PageHeader title={missing ? t('notFoundTitle') : t('loadFailed')} />
        {missing ? <Paragraph>{t('notFoundText')}</Paragraph> : <Alert type="error">{info.error.message}</Alert>}
      </div>
    );
  }
  return (
    <div className="plein-narrow">
      <PageHeader
        title={t('title', { municipality: info.data.municipality })}
        documentTitle={t('documentTitle', { form: info.data.formName, municipality: info.data.municipality })}
        lead={<Paragraph lead>{t('lead')}</Paragraph>}
      />
      <ContactForm basePath={basePath} />
    </div>
  );
}

// Residents recognise their municipality by its colour; the previous accent returns when they leave the page.
function useHouseColour(houseColour: string | undefined) {
  useEffect(() => {
    if (!houseColour) return;
    const previous = document.documentElement.style.getPropertyValue('--plein-accent').trim();
    applyAccent(houseColour);
    return () => applyAccent(previous || undefined);
  }, [houseColour]);
}

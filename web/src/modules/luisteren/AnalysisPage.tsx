import type { Analysis } from '@contracts/analyses';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Alert, AppLink, Button, FormProblem, Heading, PageHeader, Paragraph, QueryState, StatusBadge, TextAreaField, TextField } from '../../ui';
import { AnalysisFigures } from './AnalysisFigures';
import './analysis.css';
import { analysisMessages } from './analysis-messages';
import { analysesKey, formatAnalysisDate, KIND_KEYS, useAnalysis } from './analysis-queries';

export function AnalysisPage() {
  const t = useMessages(analysisMessages);
  const { id = '' } = useParams();
  const analysis = useAnalysis(id);
  return (
    <QueryState query={analysis} loadingLabel={t('loading')} errorTitle={t('notFound')}>
      {(data) => <AnalysisEditor key={data.id} analysis={data} />}
    </QueryState>
  );
}

// The three fixed sections beside the figures they were drafted from; saving raises the version, which may be sent once.
function AnalysisEditor({ analysis }: { analysis: Analysis }) {
  const t = useMessages(analysisMessages);
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(analysis.title);
  const [aanleiding, setAanleiding] = useState(analysis.aanleiding);
  const [analyse, setAnalyse] = useState(analysis.analyse);
  const [advies, setAdvies] = useState(analysis.advies);
  const [notice, setNotice] = useState('');
  const [recipients, setRecipients] = useState(analysis.recipients.join('\n'));
  const final = analysis.status === 'definitief';
  const editable = can('listening.manage') && !final;
  const update = (saved: Analysis) => queryClient.setQueryData([...analysesKey, saved.id], saved);
  const save = useFormSubmit({
    fields: ['title', 'aanleiding', 'analyse', 'advies'],
    onStart: () => setNotice(''),
    validate: (): Record<string, string> => (title.trim() ? {} : { title: t('required') }),
    send: async () => {
      const saved = await api.patch<Analysis>(`/api/v1/analyses/${analysis.id}`, { title: title.trim(), aanleiding, analyse, advies });
      await queryClient.invalidateQueries({ queryKey: analysesKey, exact: true });
      update(saved);
      setNotice(t('saved', { version: saved.version }));
    },
  });
  const setStatus = async (status: 'concept' | 'definitief') => {
    const saved = await api.patch<Analysis>(`/api/v1/analyses/${analysis.id}`, { status });
    await queryClient.invalidateQueries({ queryKey: analysesKey, exact: true });
    update(saved);
  };
  const send = useFormSubmit({
    fields: ['recipients'],
    validate: () => ({}),
    send: async () => {
      const list = recipients
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      update(await api.post<Analysis>(`/api/v1/analyses/${analysis.id}/versturen`, list.length > 0 ? { recipients: list } : {}));
    },
  });
  return (
    <>
      <Paragraph>
        <AppLink to="/luisteren/analyses">{t('back')}</AppLink>
      </Paragraph>
      <PageHeader
        title={analysis.title}
        lead={
          <Paragraph lead>
            {t(KIND_KEYS[analysis.kind])} · {t('period', { from: formatAnalysisDate(analysis.from), until: formatAnalysisDate(analysis.until) })}{' '}
            <StatusBadge tone={final ? 'ok' : 'neutral'}>{final ? t('statusDefinitief') : t('statusConcept')}</StatusBadge>
          </Paragraph>
        }
      />
      <Paragraph>
        <a className="utrecht-link utrecht-link--html-a" href={`/api/v1/analyses/${analysis.id}/pdf`} target="_blank" rel="noopener">
          {t('pdf')}
        </a>
      </Paragraph>
      <div aria-live="polite">
        {notice && (
          <Alert type="ok">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        )}
      </div>
      {final && (
        <Alert type="info">
          <Paragraph>{t('finalNotice')}</Paragraph>
        </Alert>
      )}
      <div className="plein-analysis">
        <form
          className="utrecht-form plein-form plein-analysis__sections"
          onSubmit={(event) => void save.submit(event)}
          noValidate
          aria-labelledby="analyse-tekst"
        >
          <Heading level={2} id="analyse-tekst">
            {t('sectionsHeading')}
          </Heading>
          <FormProblem title={t('saveFailed')} problem={save.problem} />
          <TextField label={t('docTitle')} value={title} onChange={setTitle} error={save.errors.title} maxLength={160} readOnly={!editable} />
          <TextAreaField
            label={t('aanleiding')}
            description={t('aanleidingHelp')}
            rows={6}
            value={aanleiding}
            onChange={setAanleiding}
            error={save.errors.aanleiding}
            readOnly={!editable}
          />
          <TextAreaField
            label={t('analyse')}
            description={t('analyseHelp')}
            rows={14}
            value={analyse}
            onChange={setAnalyse}
            error={save.errors.analyse}
            readOnly={!editable}
          />
          <TextAreaField
            label={t('advies')}
            description={t('adviesHelp')}
            rows={10}
            value={advies}
            onChange={setAdvies}
            error={save.errors.advies}
            readOnly={!editable}
          />
          {can('listening.manage') && (
            <div className="plein-form__actions">
              {editable && (
                <Button type="submit" appearance="primary" busy={save.busy}>
                  {t('save')}
                </Button>
              )}
              <Button onClick={() => void setStatus(final ? 'concept' : 'definitief')}>{final ? t('reopen') : t('makeFinal')}</Button>
            </div>
          )}
        </form>
        <AnalysisFigures figures={analysis.figures} />
      </div>
      {can('listening.manage') && (
        <section className="plein-section" aria-labelledby="analyse-versturen">
          <Heading level={2} id="analyse-versturen">
            {t('sendHeading')}
          </Heading>
          <Paragraph>{t('sendHelp')}</Paragraph>
          {analysis.sentVersion === analysis.version && (
            <Alert type="ok">
              <Paragraph>{t('sentNotice', { version: analysis.version })}</Paragraph>
            </Alert>
          )}
          <form className="utrecht-form plein-form" onSubmit={(event) => void send.submit(event)} noValidate>
            <FormProblem title={t('saveFailed')} problem={send.problem} />
            <TextAreaField
              label={t('recipients')}
              description={t('recipientsHelp')}
              rows={3}
              value={recipients}
              onChange={setRecipients}
              error={send.errors.recipients}
            />
            <div className="plein-form__actions">
              <Button type="submit" busy={send.busy} disabled={analysis.sentVersion === analysis.version}>
                {t('send')}
              </Button>
            </div>
          </form>
        </section>
      )}
    </>
  );
}

import type { RumourDetail } from '@contracts/rumours';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../app/api-client';
import { formatDateTime } from '../../app/format';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Alert, AppLink, Button, FormProblem, Heading, Paragraph, TextField } from '../../ui';
import { RumourCorrectionSearch } from './RumourCorrectionSearch';
import { rumourMessages } from './rumour-messages';
import { rumoursKey } from './rumour-queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Accepts the id or the whole address of an item page, since analysts copy what the address bar shows.
const messageIdOf = (text: string) => text.trim().split('/').filter(Boolean).pop() ?? '';

export function RumourCorrectionForm({ rumour, canManage }: { rumour: RumourDetail; canManage: boolean }) {
  const t = useMessages(rumourMessages);
  const queryClient = useQueryClient();
  const [messageId, setMessageId] = useState(rumour.correction.message?.messageId ?? '');
  const [url, setUrl] = useState(rumour.correction.url ?? '');
  const [saved, setSaved] = useState(false);
  // A correction chosen from the search above shows here too, so saving the address does not undo it.
  const linkedId = rumour.correction.message?.messageId ?? '';
  useEffect(() => setMessageId(linkedId), [linkedId]);
  const form = useFormSubmit({
    onStart: () => setSaved(false),
    fields: ['correctionMessageId', 'correctionUrl'],
    validate: (): Record<string, string> => (messageId.trim() && !UUID.test(messageIdOf(messageId)) ? { correctionMessageId: t('invalidId') } : {}),
    send: async () => {
      await api.patch(`/api/v1/geruchten/${rumour.id}`, {
        correctionMessageId: messageId.trim() ? messageIdOf(messageId) : null,
        correctionUrl: url.trim() || null,
      });
      await queryClient.invalidateQueries({ queryKey: rumoursKey });
      setSaved(true);
    },
  });
  const current = rumour.correction.message;
  return (
    <section className="plein-section" aria-labelledby="rechtzetting-heading">
      <Heading level={2} id="rechtzetting-heading">
        {t('correctionHeading')}
      </Heading>
      {current ? (
        <Paragraph>
          {t('correctionCurrent', { author: current.author, moment: formatDateTime(current.postedAt) })}:{' '}
          {current.direction === 'in' ? (
            <AppLink to={`/luisteren/berichten/${current.messageId}`}>{current.text}</AppLink>
          ) : (
            <span className="plein-break">{current.text}</span>
          )}
        </Paragraph>
      ) : (
        !rumour.correction.url && <Paragraph>{t('noCorrection')}</Paragraph>
      )}
      {canManage && <RumourCorrectionSearch rumour={rumour} />}
      {canManage && (
        <form className="utrecht-form plein-form" onSubmit={(event) => void form.submit(event)} noValidate>
          <Paragraph>{t('correctionLead')}</Paragraph>
          <FormProblem title={t('saveFailed')} problem={form.problem} />
          <TextField
            label={t('correctionMessageField')}
            description={t('correctionMessageHelp')}
            value={messageId}
            onChange={setMessageId}
            error={form.errors.correctionMessageId}
          />
          <TextField
            label={t('correctionUrlField')}
            description={t('correctionUrlHelp')}
            type="url"
            value={url}
            onChange={setUrl}
            error={form.errors.correctionUrl}
            maxLength={2000}
          />
          <div className="plein-form__actions">
            <Button type="submit" appearance="primary" busy={form.busy}>
              {t('save')}
            </Button>
          </div>
          <div aria-live="polite">
            {saved && (
              <Alert type="ok">
                <Paragraph>{t('saved')}</Paragraph>
              </Alert>
            )}
          </div>
        </form>
      )}
    </section>
  );
}

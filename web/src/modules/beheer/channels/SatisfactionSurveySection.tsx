import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ProblemError } from '../../../app/api-client';
import { defineMessages, useMessages } from '../../../app/i18n';
import { Alert, CheckboxField, Heading, Paragraph } from '../../../ui';

const messages = defineMessages({
  nl: {
    heading: 'Tevredenheidsvraag',
    intro:
      'Na het sluiten van een gesprek waarin een medewerker antwoordde, krijgt de inwoner op hetzelfde kanaal één vraag: hoe tevreden bent u (1 tot 5)? Onder een openbaar bericht antwoordt de inwoner met een cijfer in het gesprek (een link zou iedereen kunnen gebruiken); privé (e-mail, WhatsApp, een direct bericht) kan dat ook via een persoonlijke link. De uitkomsten staan onder Inzicht → Klanttevredenheid webcare.',
    label: 'Stel de tevredenheidsvraag na het sluiten van een gesprek',
    on: 'Dit account stelt de tevredenheidsvraag.',
    off: 'Dit account stelt de tevredenheidsvraag niet.',
    savedOn: 'De tevredenheidsvraag staat aan.',
    savedOff: 'De tevredenheidsvraag staat uit.',
    loading: 'Bezig met laden…',
  },
  en: {
    heading: 'Satisfaction question',
    intro:
      'After a conversation an agent answered is closed, the resident gets one question on the same channel: how satisfied are you (1 to 5)? Under a public post the resident answers with a score in the conversation (anyone could use a link there); in private (e-mail, WhatsApp, a direct message) a personal link works too. The results are under Inzicht → Klanttevredenheid webcare.',
    label: 'Ask the satisfaction question after closing a conversation',
    on: 'This account asks the satisfaction question.',
    off: 'This account does not ask the satisfaction question.',
    savedOn: 'The satisfaction question is on.',
    savedOff: 'The satisfaction question is off.',
    loading: 'Loading…',
  },
});

// The per-account switch of klanttevredenheid webcare; it saves at once, with a message that says so.
export function SatisfactionSurveySection({ accountId, canManage }: { accountId: string; canManage: boolean }) {
  const t = useMessages(messages);
  const key = ['channel-accounts', accountId, 'tevredenheidsvraag'];
  const url = `/api/v1/channel-accounts/${accountId}/satisfaction-survey`;
  const setting = useQuery({ queryKey: key, queryFn: () => api.get<{ enabled: boolean }>(url) });
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  // The box follows the click at once (a checkbox that waits for the server looks broken); a refusal puts it back.
  // It is React state, not the query cache: the cache tells its readers a tick later, and a controlled checkbox
  // whose value has not changed by the end of the click snaps back.
  const [clicked, setClicked] = useState<boolean | null>(null);
  const enabled = clicked ?? setting.data?.enabled;

  const toggle = async (wanted: boolean) => {
    setNotice(null);
    setClicked(wanted);
    try {
      const saved = await api.put<{ enabled: boolean }>(url, { enabled: wanted });
      queryClient.setQueryData(key, saved);
      setClicked(saved.enabled);
      setNotice({ type: 'ok', text: saved.enabled ? t('savedOn') : t('savedOff') });
    } catch (error) {
      setClicked(null);
      setNotice({ type: 'error', text: error instanceof ProblemError ? error.message : String(error) });
    }
  };

  return (
    <section className="plein-section" aria-labelledby="tevredenheidsvraag">
      <Heading level={2} id="tevredenheidsvraag">
        {t('heading')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      {enabled === undefined ? (
        <Paragraph className="plein-muted">{t('loading')}</Paragraph>
      ) : canManage ? (
        <CheckboxField label={t('label')} checked={enabled} onChange={(wanted) => void toggle(wanted)} />
      ) : (
        <Paragraph>{enabled ? t('on') : t('off')}</Paragraph>
      )}
      <div role="status">{notice && <Alert type={notice.type}>{notice.text}</Alert>}</div>
    </section>
  );
}

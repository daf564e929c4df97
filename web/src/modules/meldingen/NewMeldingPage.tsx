import type { Message } from '@contracts/channels';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../app/api-client';
import { useMe } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { useFormSubmit } from '../../app/use-form-submit';
import { Button, FormProblem, PageHeader, Paragraph, QueryState, SelectField, TextAreaField, TextField } from '../../ui';
import { buildMunicipalityPath, type MapSettings, type Place } from '../melden/melden-api';
import { PlacePicker } from '../melden/PlacePicker';
import { type MeldingDetail, useMeldingCategories } from './meldingen-queries';
import { newMeldingMessages } from './new-melding-messages';

// "Maak melding": from a message in the inbox (?bericht=<id>), or for a resident on the phone. The
// message's text, place and photos come along; the server links both and answers on the channel.
export function NewMeldingPage() {
  const t = useMessages(newMeldingMessages);
  const [params] = useSearchParams();
  const messageId = params.get('bericht');
  const message = useQuery({
    queryKey: ['bericht', messageId],
    queryFn: () => api.get<Message>(`/api/v1/messages/${messageId}`),
    enabled: Boolean(messageId),
    retry: false,
  });
  if (messageId) {
    return (
      <QueryState query={message} loadingLabel={t('loading')} errorTitle={t('loadFailed')}>
        {(loaded) => <MeldingEntry message={loaded} />}
      </QueryState>
    );
  }
  return <MeldingEntry message={null} />;
}

function MeldingEntry({ message }: { message: Message | null }) {
  const t = useMessages(newMeldingMessages);
  const me = useMe();
  const navigate = useNavigate();
  const categories = useMeldingCategories();
  const [municipalityId, setMunicipalityId] = useState(message?.municipalityId ?? me.municipalities[0]?.id ?? '');
  const municipality = me.municipalities.find((m) => m.id === municipalityId);
  const basePath = buildMunicipalityPath(me.organisation.slug, municipality?.cbsCode ?? '');
  const settings = useQuery({
    queryKey: ['melden-map', basePath],
    queryFn: () => api.get<MapSettings>(`${basePath}/map-settings`),
    enabled: Boolean(municipality),
  });
  const [categoryId, setCategoryId] = useState('');
  const [description, setDescription] = useState(message?.text ?? '');
  const [place, setPlace] = useState<Place | null>(message?.geo ? { ...message.geo, source: 'photo' } : null);
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const list = categories.data ?? [];
  const selectable = list.filter((c) => c.active && (c.parentId !== null || !list.some((child) => child.parentId === c.id)));
  const mainName = (parentId: string | null) => list.find((main) => main.id === parentId)?.publicName;

  const { submit, errors, problem, busy } = useFormSubmit({
    validate: () => ({
      ...(!categoryId && { categoryId: t('required') }),
      ...(description.trim().length < 5 && { description: t('required') }),
      ...(!place && { lat: t('placeRequired') }),
    }),
    send: async () => {
      const created = await api.post<MeldingDetail>('/api/v1/meldingen', {
        municipalityId,
        categoryId,
        description: description.trim(),
        lat: place!.lat,
        lon: place!.lon,
        ...(place!.address && { address: place!.address }),
        ...(email.trim() && { email: email.trim(), consent: true }),
        ...(phone.trim() && { phone: phone.trim(), consent: true }),
        ...(message && { messageId: message.id }),
      });
      navigate(`/meldingen/${created.id}`);
    },
    fields: ['municipalityId', 'categoryId', 'description', 'lat', 'email', 'phone', 'messageId'],
  });

  return (
    <>
      <PageHeader title={t('title')} lead={<Paragraph lead>{message ? t('leadMessage') : t('leadPhone')}</Paragraph>} />
      {message && (
        <blockquote className="plein-quote">
          <p className="utrecht-paragraph">
            <strong>{t('from', { name: message.author.displayName ?? message.author.handle })}</strong>
          </p>
          <p className="utrecht-paragraph plein-break plein-pre-line">{message.text}</p>
        </blockquote>
      )}
      <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
        <FormProblem title={t('saveFailed')} problem={problem} />
        {!message && (
          <SelectField
            label={t('municipality')}
            value={municipalityId}
            onChange={setMunicipalityId}
            error={errors.municipalityId}
            options={me.municipalities.map((m) => ({ value: m.id, label: m.name }))}
          />
        )}
        <SelectField
          label={t('category')}
          value={categoryId}
          onChange={setCategoryId}
          error={errors.categoryId}
          options={[
            { value: '', label: t('chooseCategory') },
            ...selectable.map((c) => ({ value: c.id, label: mainName(c.parentId) ? `${mainName(c.parentId)} – ${c.publicName}` : c.publicName })),
          ]}
        />
        <TextAreaField label={t('description')} rows={4} value={description} onChange={setDescription} error={errors.description} />
        {settings.data && <PlacePicker basePath={basePath} settings={settings.data} place={place} onChange={setPlace} nearby={[]} error={errors.lat} />}
        {!message && (
          <>
            <TextField label={t('email')} type="email" value={email} onChange={setEmail} error={errors.email} />
            <TextField label={t('phone')} type="tel" value={phone} onChange={setPhone} error={errors.phone} />
          </>
        )}
        <div className="plein-form__actions">
          <Button type="submit" appearance="primary" busy={busy}>
            {t('save')}
          </Button>
        </div>
      </form>
    </>
  );
}

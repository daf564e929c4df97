import { type ReactNode, useState } from 'react';
import { api, ProblemError } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { createKeyPerContent, generateRandomKey } from '../../app/idempotency';
import { useFormSubmit } from '../../app/use-form-submit';
import { Button, CheckboxField, FormProblem, Heading, Paragraph, TextAreaField, TextField } from '../../ui';
import { CategoryPicker } from './CategoryPicker';
import { type Answers, answerField, ExtraQuestions } from './ExtraQuestions';
import type { MapSettings, MeldingCategory, MeldingReceipt, Place } from './melden-api';
import { meldenMessages } from './melden-messages';
import { NearbyMeldingen, useNearbyMeldingen } from './NearbyMeldingen';
import { type AddedPhoto, PhotoUpload } from './PhotoUpload';
import { PlacePicker } from './PlacePicker';

const MAX_DESCRIPTION = 5_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

interface Props {
  basePath: string;
  categories: MeldingCategory[];
  settings: MapSettings;
  onFiled: (receipt: MeldingReceipt, emailed: boolean) => void;
}

// "answers.wanneer" → "answer:wanneer": a field of its own, since fieldErrors() keeps only the part before the dot.
function withAnswerFields(error: unknown): unknown {
  if (!(error instanceof ProblemError)) return error;
  const invalidParams = error.problem.invalidParams.map((param) =>
    param.name.startsWith('answers.') ? { ...param, name: answerField(param.name.slice(8)) } : param,
  );
  return new ProblemError({ ...error.problem, invalidParams });
}

export function MeldingForm({ basePath, categories, settings, onFiled }: Props) {
  const t = useMessages(meldenMessages);
  const [categoryId, setCategoryId] = useState('');
  const [description, setDescription] = useState('');
  const [answers, setAnswers] = useState<Answers>({});
  const [photos, setPhotos] = useState<AddedPhoto[]>([]);
  const [place, setPlace] = useState<Place | null>(null);
  const [contact, setContact] = useState({ email: '', phone: '', consent: false });
  // The form's session, sent with every photo and with the melding: only this form's photos can be claimed.
  const [formSession] = useState(generateRandomKey);
  const [keyFor] = useState(createKeyPerContent);
  const category = categories.find((c) => c.id === categoryId);
  const questions = category?.extraQuestions ?? [];
  const nearby = useNearbyMeldingen(basePath, categoryId, place);

  const chooseCategory = (id: string) => {
    setCategoryId(id);
    // Answers belong to one category's questions; the server refuses answers to questions it did not ask.
    setAnswers({});
  };

  const validate = () => {
    const found: Record<string, string> = {};
    if (!category) found.categoryId = t('categoryRequired');
    if (description.trim().length < 5) found.description = t('descriptionTooShort');
    for (const question of questions) {
      const answer = answers[question.key];
      if (question.required && (answer === undefined || answer === '')) found[answerField(question.key)] = t('required');
    }
    if (!place) found.lat = t('placeRequired');
    if (contact.email.trim() && !EMAIL.test(contact.email.trim())) found.email = t('invalidEmail');
    if (contact.phone.trim() && !PHONE.test(contact.phone.trim())) found.phone = t('invalidPhone');
    return found;
  };

  const send = async () => {
    const answered = Object.fromEntries(Object.entries(answers).filter(([key, value]) => value !== '' && questions.some((q) => q.key === key)));
    const body = {
      categoryId,
      description: description.trim(),
      lat: place?.lat,
      lon: place?.lon,
      ...(place?.address && { address: place.address }),
      ...(contact.email.trim() && { email: contact.email.trim() }),
      ...(contact.phone.trim() && { phone: contact.phone.trim() }),
      consent: contact.consent,
      answers: answered,
      photoIds: photos.map((photo) => photo.photoId),
      formSession,
    };
    try {
      const receipt = await api.post<MeldingReceipt>(`${basePath}/meldingen`, body, { idempotencyKey: keyFor(body) });
      onFiled(receipt, Boolean(contact.email.trim()));
    } catch (error) {
      throw withAnswerFields(error);
    }
  };

  const { submit, errors, problem, busy } = useFormSubmit({
    validate,
    send,
    renameFields: { lon: 'lat', address: 'lat' },
    fields: ['categoryId', 'description', 'lat', 'photoIds', 'email', 'phone', ...questions.map((q) => answerField(q.key))],
  });

  return (
    <form className="utrecht-form plein-form plein-melden-form" onSubmit={submit} noValidate aria-busy={busy || undefined}>
      <FormProblem title={t('sendFailed')} problem={problem} />
      <Paragraph className="plein-muted">{t('requiredNote')}</Paragraph>
      <Step id="melden-onderwerp" title={t('stepCategory')}>
        <CategoryPicker categories={categories} value={categoryId} onChange={chooseCategory} error={errors.categoryId} />
      </Step>
      <Step id="melden-omschrijving" title={t('stepDescription')}>
        <TextAreaField
          label={t('description')}
          description={
            <>
              {t('descriptionHelp')} <span className="plein-melden-counter">{t('descriptionCount', { count: description.length, max: MAX_DESCRIPTION })}</span>
            </>
          }
          rows={5}
          maxLength={MAX_DESCRIPTION}
          value={description}
          onChange={setDescription}
          error={errors.description}
        />
        <ExtraQuestions questions={questions} answers={answers} onChange={setAnswers} errors={errors} />
      </Step>
      <Step id="melden-fotos" title={t('stepPhotos')}>
        <PhotoUpload
          basePath={basePath}
          formSession={formSession}
          photos={photos}
          onChange={setPhotos}
          onUsePlace={place ? undefined : (location) => setPlace({ ...location, source: 'photo' })}
          error={errors.photoIds}
        />
      </Step>
      <Step id="melden-plek" title={t('stepPlace')}>
        <PlacePicker basePath={basePath} settings={settings} place={place} onChange={setPlace} nearby={nearby} error={errors.lat} />
        <NearbyMeldingen items={nearby} />
      </Step>
      <Step id="melden-gegevens" title={t('stepContact')}>
        <Paragraph>{t('contactHelp')}</Paragraph>
        <TextField
          label={t('email')}
          type="email"
          autoComplete="email"
          value={contact.email}
          onChange={(email) => setContact((c) => ({ ...c, email }))}
          error={errors.email}
        />
        <TextField
          label={t('phone')}
          type="tel"
          autoComplete="tel"
          value={contact.phone}
          onChange={(phone) => setContact((c) => ({ ...c, phone }))}
          error={errors.phone}
        />
        <CheckboxField
          label={t('consent')}
          description={t('consentHelp')}
          checked={contact.consent}
          onChange={(consent) => setContact((c) => ({ ...c, consent }))}
        />
      </Step>
      <div className="plein-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {busy ? t('sending') : t('submit')}
        </Button>
      </div>
    </form>
  );
}

function Step({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="plein-melden-step" aria-labelledby={id}>
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

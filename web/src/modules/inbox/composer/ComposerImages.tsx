import type { ChannelCapabilities } from '@contracts/channel-limits';
import { REPLY_IMAGE_MAX_BYTES, REPLY_IMAGE_TYPES, type ReplyImage } from '@contracts/reply-images';
import { useId, useState } from 'react';
import { api, ProblemError } from '../../../app/api-client';
import { useMessages } from '../../../app/i18n';
import { Button, TextAreaField } from '../../../ui';
import { imageMessages } from './image-messages';

export interface AttachedImage {
  id: string;
  previewUrl: string;
  altText: string;
}

interface ComposerImagesProps {
  conversationId: string;
  capabilities: ChannelCapabilities;
  images: AttachedImage[];
  onChange: (images: AttachedImage[]) => void;
  onAnnounce: (text: string) => void;
  // Shown next to the alt-text fields once the agent tried to send.
  showMissing: boolean;
  disabled: boolean;
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

// Images with a reply: uploaded at once (the server strips their metadata and fits them to the channel),
// each with a required alt text. A channel that cannot carry images in an answer says so instead.
export function ComposerImages({ conversationId, capabilities, images, onChange, onAnnounce, showMissing, disabled }: ComposerImagesProps) {
  const t = useMessages(imageMessages);
  const ids = { input: useId(), hint: useId(), error: useId() };
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const max = capabilities.media.maxImages;

  if (!capabilities.media.inReplies) {
    return <p className="utrecht-paragraph plein-muted">{t('notPossible', { channel: capabilities.label })}</p>;
  }

  const add = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    if (!(REPLY_IMAGE_TYPES as readonly string[]).includes(file.type)) return setError(t('wrongType'));
    if (file.size > REPLY_IMAGE_MAX_BYTES) return setError(t('tooLarge'));
    if (images.length >= max) return setError(t('tooMany', { channel: capabilities.label, max }));
    setBusy(true);
    onAnnounce(t('uploading'));
    try {
      const stored = await api.post<ReplyImage>(`/api/v1/conversations/${conversationId}/reply-images`, { data: await readBase64(file), filename: file.name });
      // The preview is what will be sent: the server's copy, without metadata and fitted to the channel.
      onChange([...images, { id: stored.id, previewUrl: `/api/v1/conversations/${conversationId}/reply-images/${stored.id}`, altText: '' }]);
      onAnnounce(t('added'));
    } catch (caught) {
      if (!(caught instanceof ProblemError)) throw caught;
      setError(caught.message);
      onAnnounce('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="plein-fieldset plein-composer__images" disabled={disabled}>
      <legend className="utrecht-form-fieldset__legend">{t('heading')}</legend>
      {images.map((image, index) => (
        <div key={image.id} className="plein-composer__image">
          <img src={image.previewUrl} alt={t('preview', { number: index + 1 })} className="plein-composer__thumbnail" />
          <div>
            <TextAreaField
              label={t('altLabel', { number: index + 1 })}
              description={t('altHint')}
              error={showMissing && !image.altText.trim() ? t('altMissing') : undefined}
              rows={2}
              value={image.altText}
              onChange={(altText) => onChange(images.map((other) => (other.id === image.id ? { ...other, altText } : other)))}
            />
            <Button
              onClick={() => {
                onChange(images.filter((other) => other.id !== image.id));
                onAnnounce(t('removed'));
              }}
            >
              {t('remove', { number: index + 1 })}
            </Button>
          </div>
        </div>
      ))}
      {images.length < max && (
        <div className={['utrecht-form-field', 'plein-field', error && 'utrecht-form-field--invalid'].filter(Boolean).join(' ')}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor={ids.input}>
              {t('choose')}
            </label>
          </div>
          <div id={ids.hint} className="utrecht-form-field__description utrecht-form-field-description">
            {t('hint', { max })}
          </div>
          {error && (
            <div id={ids.error} className="utrecht-form-field__error-message utrecht-form-field-error-message plein-field-error">
              {error}
            </div>
          )}
          <input
            id={ids.input}
            type="file"
            accept={REPLY_IMAGE_TYPES.join(',')}
            aria-describedby={[ids.hint, error && ids.error].filter(Boolean).join(' ')}
            aria-invalid={error ? true : undefined}
            aria-busy={busy}
            onChange={(event) => {
              void add(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </div>
      )}
    </fieldset>
  );
}

import { useEffect, useId, useState } from 'react';
import { ProblemError } from '../../app/api-client';
import { useMessages } from '../../app/i18n';
import { Button } from '../../ui';
import { uploadPhoto } from './melden-api';
import { meldenMessages } from './melden-messages';

export const MAX_PHOTOS = 5;

export interface AddedPhoto {
  photoId: string;
  name: string;
  // A data: URL (the CSP allows data: images, not blob:).
  preview: string;
  location: { lat: number; lon: number } | null;
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => resolve('');
    reader.readAsDataURL(file);
  });
}

interface Props {
  basePath: string;
  formSession: string;
  photos: AddedPhoto[];
  onChange: (photos: AddedPhoto[]) => void;
  // Shown when a photo carries a location and no place was chosen yet.
  onUsePlace?: (location: { lat: number; lon: number }) => void;
  error?: string;
}

export function PhotoUpload({ basePath, formSession, photos, onChange, onUsePlace, error }: Props) {
  const t = useMessages(meldenMessages);
  const id = useId();
  const [progress, setProgress] = useState('');
  const [busy, setBusy] = useState(false);
  const camera = useCoarsePointer();

  const add = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    let current = photos;
    setBusy(true);
    for (const file of Array.from(files)) {
      if (current.length >= MAX_PHOTOS) {
        setProgress(t('photoTooMany', { max: MAX_PHOTOS }));
        break;
      }
      setProgress(t('photoUploading', { name: file.name, percent: 0 }));
      try {
        const uploaded = await uploadPhoto(basePath, formSession, file, (percent) => setProgress(t('photoUploading', { name: file.name, percent })));
        current = [...current, { photoId: uploaded.photoId, name: file.name, preview: await readAsDataUrl(file), location: uploaded.location }];
        onChange(current);
        setProgress(t('photoAdded', { name: file.name }));
      } catch (failure) {
        const reason = failure instanceof ProblemError ? failure.message : String(failure);
        setProgress(t('photoFailed', { name: file.name, reason }));
      }
    }
    setBusy(false);
  };

  const remove = (photo: AddedPhoto) => {
    onChange(photos.filter((p) => p.photoId !== photo.photoId));
    setProgress(t('photoRemoved', { name: photo.name }));
  };

  const located = photos.find((photo) => photo.location);
  const full = photos.length >= MAX_PHOTOS;
  return (
    <div className={['utrecht-form-field', 'plein-field', error && 'utrecht-form-field--invalid'].filter(Boolean).join(' ')}>
      <p id={`${id}-uitleg`} className="utrecht-paragraph utrecht-form-field-description">
        {t('photosHelp', { max: MAX_PHOTOS })}
      </p>
      {error && (
        <div id={`${id}-fout`} className="utrecht-form-field-error-message plein-field-error">
          {error}
        </div>
      )}
      <div className="plein-melden-photo-inputs">
        <label className="utrecht-form-label" htmlFor={`${id}-bestand`}>
          {t('photoInput')}
        </label>
        <input
          id={`${id}-bestand`}
          type="file"
          accept="image/*"
          multiple
          disabled={busy || full}
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-uitleg`, error && `${id}-fout`].filter(Boolean).join(' ')}
          onChange={(event) => {
            void add(event.target.files);
            event.target.value = '';
          }}
        />
        {camera && (
          <>
            <label className="utrecht-form-label" htmlFor={`${id}-camera`}>
              {t('photoCamera')}
            </label>
            <input
              id={`${id}-camera`}
              type="file"
              accept="image/*"
              capture="environment"
              disabled={busy || full}
              onChange={(event) => void add(event.target.files)}
            />
          </>
        )}
      </div>
      <p className="utrecht-paragraph plein-melden-progress" role="status" aria-live="polite">
        {progress}
      </p>
      {photos.length > 0 && (
        <ul className="plein-melden-photos">
          {photos.map((photo, index) => (
            <li key={photo.photoId} className="plein-melden-photo">
              {photo.preview && <img src={photo.preview} alt={t('photoAlt', { number: index + 1, name: photo.name })} />}
              <Button appearance="subtle" onClick={() => remove(photo)}>
                {t('photoRemove', { number: index + 1 })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {located?.location && onUsePlace && (
        <div className="plein-melden-photo-place">
          <p className="utrecht-paragraph">{t('photoHasPlace')}</p>
          <Button onClick={() => onUsePlace(located.location!)}>{t('usePhotoPlace')}</Button>
        </div>
      )}
    </div>
  );
}

// Phones and tablets get a separate "take a photo" control; on a desktop it would only open the file chooser twice.
function useCoarsePointer(): boolean {
  const [coarse, setCoarse] = useState(false);
  useEffect(() => {
    setCoarse(window.matchMedia?.('(pointer: coarse)').matches ?? false);
  }, []);
  return coarse;
}

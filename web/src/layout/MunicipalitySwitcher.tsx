import { useId, useState } from 'react';
import { ProblemError } from '../app/api-client';
import { useAuth } from '../app/auth-context';
import { useMessages } from '../app/i18n';
import { layoutMessages } from './layout-messages';

export function MunicipalitySwitcher() {
  const t = useMessages(layoutMessages);
  const { me, activeMunicipality, switchMunicipality, switching } = useAuth();
  const [announcement, setAnnouncement] = useState('');
  const id = useId();
  if (!me) return null;

  const change = async (municipalityId: string) => {
    try {
      const next = await switchMunicipality(municipalityId);
      const name = next.municipalities.find((m) => m.id === next.activeMunicipalityId)?.name ?? '';
      setAnnouncement(t('switched', { name }));
    } catch (error) {
      setAnnouncement(t('switchFailed', { detail: error instanceof ProblemError ? error.message : String(error) }));
    }
  };

  return (
    <div className="plein-municipality">
      {activeMunicipality?.logoUrl && (
        <img className="plein-municipality__logo" src={activeMunicipality.logoUrl} alt={t('logoOf', { name: activeMunicipality.name })} />
      )}
      {me.municipalities.length > 1 ? (
        <>
          <label className="utrecht-form-label plein-municipality__label" htmlFor={id}>
            {t('municipality')}
          </label>
          <select
            id={id}
            className="utrecht-select utrecht-select--html-select plein-municipality__select"
            value={me.activeMunicipalityId ?? ''}
            disabled={switching}
            aria-busy={switching || undefined}
            onChange={(event) => void change(event.target.value)}
          >
            {me.municipalities.map((municipality) => (
              <option key={municipality.id} value={municipality.id}>
                {municipality.name}
              </option>
            ))}
          </select>
        </>
      ) : (
        <span className="plein-municipality__name">
          <span className="plein-municipality__label">{t('municipality')}: </span>
          {activeMunicipality?.name ?? t('noMunicipality')}
        </span>
      )}
      <span className="plein-visually-hidden" role="status" aria-live="polite">
        {switching ? t('switching') : announcement}
      </span>
    </div>
  );
}

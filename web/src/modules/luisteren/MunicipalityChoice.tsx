import { useMe } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { SelectField } from '../../ui';
import { analysisMessages } from './analysis-messages';

// In a werkorganisatie an analysis can be about one of its municipalities; with one municipality there is
// nothing to choose and the field stays away.
export function MunicipalityChoice({ value, onChange, error }: { value: string; onChange: (municipalityId: string) => void; error?: string }) {
  const t = useMessages(analysisMessages);
  const me = useMe();
  if (me.municipalities.length < 2) return null;
  return (
    <SelectField
      label={t('municipality')}
      value={value}
      onChange={onChange}
      error={error}
      options={[
        { value: '', label: t('allMunicipalities') },
        ...me.municipalities.map((municipality) => ({ value: municipality.id, label: municipality.name })),
      ]}
    />
  );
}

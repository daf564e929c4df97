import type { Municipality } from '@contracts/organisation';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../app/api-client';
import { ME_QUERY_KEY } from '../../../app/auth-context';
import { commonMessages } from '../../../app/common-messages';
import { useMessages } from '../../../app/i18n';
import { computeContrastRatio, deriveAccentColours } from '../../../app/theme';
import { useFormSubmit } from '../../../app/use-form-submit';
import { Alert, Button, Heading, Paragraph, TextField } from '../../../ui';
import { organisationQueryKey } from '../organisation-queries';
import { municipalitiesMessages } from './municipalities-messages';

const contrastFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

export function MunicipalityCard({ municipality }: { municipality: Municipality }) {
  const t = useMessages(municipalitiesMessages);
  const common = useMessages(commonMessages);
  const queryClient = useQueryClient();
  const [houseColour, setHouseColour] = useState(municipality.houseColour);
  const [logoUrl, setLogoUrl] = useState(municipality.logoUrl ?? '');
  const [inhabitants, setInhabitants] = useState(String(municipality.inhabitants));
  const [saved, setSaved] = useState<string | null>(null);
  const colours = deriveAccentColours(/^#[0-9a-f]{6}$/i.test(houseColour) ? houseColour : municipality.houseColour);
  const headingId = `gemeente-${municipality.id}`;

  const { submit, errors, problem, busy } = useFormSubmit({
    onStart: () => setSaved(null),
    validate: (): Record<string, string> => (/^\d+$/.test(inhabitants.trim()) ? {} : { inhabitants: t('invalidNumber') }),
    send: async () => {
      await api.patch<Municipality>(`/api/v1/municipalities/${municipality.id}`, {
        houseColour: houseColour.trim(),
        logoUrl: logoUrl.trim() || null,
        inhabitants: Number(inhabitants.trim()),
      });
      setSaved(t('saved', { name: municipality.name }));
      await Promise.all([queryClient.invalidateQueries({ queryKey: organisationQueryKey }), queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY })]);
    },
    fields: ['houseColour', 'logoUrl', 'inhabitants'],
  });

  return (
    <section className="plein-card plein-municipality-card" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {municipality.name}
      </Heading>
      <Paragraph className="plein-muted">
        {t('cbsCode')}: {municipality.cbsCode}
      </Paragraph>
      {saved && <Alert type="ok">{saved}</Alert>}
      {problem && <Alert type="error">{problem}</Alert>}
      <form className="utrecht-form plein-form" onSubmit={submit} noValidate>
        <TextField
          label={t('houseColour')}
          description={t('houseColourHelp')}
          value={houseColour}
          onChange={setHouseColour}
          error={errors.houseColour}
          maxLength={7}
          className="plein-textbox--short"
        />
        <div className="plein-colour-preview">
          <span className="plein-colour-preview__swatch" style={{ backgroundColor: colours.accent, color: colours.text }} aria-hidden="true">
            {municipality.name}
          </span>
          <span className="plein-colour-preview__text">
            {t('contrastText', {
              colour: colours.text === '#ffffff' ? t('white') : t('black'),
              ratio: contrastFormat.format(computeContrastRatio(colours.accent, colours.text)),
            })}
          </span>
        </div>
        <TextField label={t('logoUrl')} description={t('logoUrlHelp')} type="url" value={logoUrl} onChange={setLogoUrl} error={errors.logoUrl} />
        <TextField
          label={t('inhabitants')}
          description={t('inhabitantsHelp')}
          inputMode="numeric"
          value={inhabitants}
          onChange={setInhabitants}
          error={errors.inhabitants}
          className="plein-textbox--medium"
        />
        <div className="plein-form__actions">
          <Button type="submit" appearance="primary" busy={busy}>
            {busy ? common('saving') : t('save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

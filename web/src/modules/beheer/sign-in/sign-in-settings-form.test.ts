import { describe, expect, it } from 'vitest';
import { mapServerErrors, toChange, toSettingsValues, validateSettings } from './sign-in-settings-form';

const texts = { required: 'verplicht', emptyValue: 'leeg', duplicateValue: 'dubbel', roleRequired: 'rol' };
const stored = {
  configured: true,
  issuerUrl: 'https://login.example.nl',
  clientId: 'plein',
  clientSecretSet: true,
  displayName: 'Inloggen met uw gemeente-account',
  rolesClaim: 'roles',
  roleMapping: { 'plein-kcc': 'kcc', 'realm.admins': 'beheerder' } as const,
  createUsers: true,
  enabled: true,
  redirectUri: 'https://plein.example/api/v1/oidc/callback',
};

describe('formulier voor de inlogdienst', () => {
  it('laat het secret weg als het veld leeg blijft, en zet rijen terug in een koppeling', () => {
    const values = toSettingsValues(stored);
    expect(values.rows.map((row) => row.key)).toEqual([0, 1]);
    const change = toChange({ ...values, issuerUrl: ' https://login.example.nl ' });
    expect(change).not.toHaveProperty('clientSecret');
    expect(change).toMatchObject({ issuerUrl: 'https://login.example.nl', roleMapping: { 'plein-kcc': 'kcc', 'realm.admins': 'beheerder' } });
    expect(toChange({ ...values, clientSecret: 'nieuw' }).clientSecret).toBe('nieuw');
  });

  it('vraagt om verplichte velden, het secret alleen als er nog geen is, en vangt dubbele en lege waarden', () => {
    const values = {
      ...toSettingsValues(stored),
      clientId: ' ',
      rows: [
        { key: 0, value: 'a', role: 'kcc' as const },
        { key: 4, value: ' a ', role: '' as const },
        { key: 7, value: '', role: 'kcc' as const },
      ],
    };
    expect(validateSettings(values, true, texts)).toEqual({ fields: { clientId: 'verplicht' }, values: { 4: 'dubbel', 7: 'leeg' }, roles: { 4: 'rol' } });
    expect(validateSettings(toSettingsValues(stored), false, texts).fields).toEqual({ clientSecret: 'verplicht' });
  });

  it('zet serverfouten naast hun veld, ook bij een claimwaarde met een punt erin', () => {
    const rows = toSettingsValues(stored).rows;
    const errors = mapServerErrors(
      [
        { name: 'issuerUrl', code: 'ongeldig', reason: 'Moet met https:// beginnen' },
        { name: 'roleMapping.realm.admins', code: 'invalid_value', reason: 'Onbekende rol' },
        { name: 'roleMapping.bestaat-niet', code: 'x', reason: 'Onbekend' },
        { name: 'roleMapping', code: 'custom', reason: 'Maximaal 100 koppelingen' },
      ],
      rows,
    );
    expect(errors).toEqual({ fields: { issuerUrl: 'Moet met https:// beginnen', roleMapping: 'Onbekend' }, values: { 1: 'Onbekende rol' }, roles: {} });
  });
});

import { CHANNEL_REQUIREMENTS } from '@contracts/channel-fields';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../../app/api-client';
import { collectSecrets, collectSettings, findMissingRequired, withFormFieldNames } from './channel-form';

describe('kanaalformulier', () => {
  it('zet de veldnamen van de API om, zodat een fout bij "secrets.appPassword" bij dat veld komt', () => {
    const error = new ProblemError({
      status: 400,
      code: 'kanaal-onvolledig',
      title: 'Ongeldige invoer',
      detail: 'App-wachtwoord is verplicht.',
      invalidParams: [
        { name: 'secrets.appPassword', code: 'verplicht', reason: 'App-wachtwoord is verplicht.' },
        { name: 'settings.pageId', code: 'verplicht', reason: 'Pagina-id is verplicht.' },
        { name: 'serviceUrl', code: 'invalid_format', reason: 'Vul een volledig adres in' },
      ],
    });
    const renamed = withFormFieldNames(error) as ProblemError;
    expect(renamed.fieldErrors()).toEqual({
      'secrets:appPassword': 'App-wachtwoord is verplicht.',
      'settings:pageId': 'Pagina-id is verplicht.',
      serviceUrl: 'Vul een volledig adres in',
    });
  });

  it('vraagt een opgeslagen geheim niet opnieuw en stuurt alleen ingevulde geheimen mee', () => {
    const bluesky = CHANNEL_REQUIREMENTS.bluesky;
    expect(findMissingRequired(bluesky, { serviceUrl: 'https://bsky.social' }, false, 'Vul dit veld in.')).toEqual({
      'secrets:appPassword': 'Vul dit veld in.',
    });
    expect(findMissingRequired(bluesky, { serviceUrl: 'https://bsky.social' }, true, 'Vul dit veld in.')).toEqual({});
    const values = { serviceUrl: 'https://bsky.social', 'secrets:appPassword': '', 'settings:searchQuery': ' bergen ' };
    expect(collectSecrets(bluesky, values)).toEqual({});
    expect(collectSettings(bluesky, values, (_key, value) => value !== '')).toEqual({ searchQuery: 'bergen' });
  });
});

import { defineMessages } from '../../app/i18n';

// The codes the OpenID Connect callback sends back as /inloggen?fout=<code>: what happened and what to do, in plain words.
export const signInErrorMessages = defineMessages({
  nl: {
    title: 'Inloggen via uw organisatie lukte niet',
    'ongeldige-status':
      'Deze inlogpoging is verlopen of al gebruikt. Dat gebeurt als het inloggen langer dan 10 minuten duurt, of als u een oude pagina opnieuw opent. Probeer het opnieuw.',
    'oidc-niet-beschikbaar':
      'Inloggen met het account van uw organisatie staat (nog) niet aan. Log in met uw e-mailadres en wachtwoord. Heeft u die niet? Vraag de beheerder van uw organisatie om hulp.',
    'provider-onbereikbaar':
      'De inlogdienst van uw organisatie reageert nu niet. Probeer het over een paar minuten opnieuw. Lukt het dan nog niet? Neem contact op met de servicedesk van uw organisatie.',
    'geweigerd-door-provider':
      'De inlogdienst van uw organisatie heeft het inloggen gestopt. Misschien klikte u op Annuleren, of mag u Plein daar niet gebruiken. Probeer het opnieuw, of vraag de servicedesk van uw organisatie om hulp.',
    'oidc-mislukt':
      'Er ging iets mis tussen Plein en de inlogdienst van uw organisatie. Probeer het opnieuw. Lukt het weer niet? Vraag de beheerder van uw organisatie om hulp.',
    'oidc-configuratie':
      'Inloggen via uw organisatie is niet goed ingesteld in Plein. U kunt dit zelf niet oplossen. Meld het aan de beheerder van uw organisatie.',
    'geen-rol': 'U heeft (nog) geen rol in Plein. Vraag de beheerder van uw organisatie om u toegang te geven.',
    'geen-account': 'U heeft nog geen account in Plein. Vraag de beheerder van uw organisatie om een account voor u te maken.',
    'e-mail-ontbreekt':
      'De inlogdienst van uw organisatie gaf uw e-mailadres niet door. Zonder e-mailadres kan Plein geen account voor u maken. Vraag de beheerder van uw organisatie om dit te regelen.',
    'account-al-gekoppeld':
      'Uw Plein-account hoort al bij een ander account van de inlogdienst. Log in met dat andere account, of vraag de beheerder van uw organisatie om hulp.',
    'e-mail-niet-bevestigd':
      'De inlogdienst van uw organisatie heeft uw e-mailadres nog niet bevestigd. Daarom kan Plein u niet aan uw account koppelen. Vraag de beheerder van uw organisatie om hulp.',
    'account-geblokkeerd': 'Uw account in Plein is geblokkeerd. Vraag de beheerder van uw organisatie om het weer open te zetten.',
    onbekend: 'Er ging iets mis bij het inloggen. Probeer het opnieuw. Lukt het weer niet? Vraag de beheerder van uw organisatie om hulp.',
  },
  en: {
    title: 'Signing in through your organisation failed',
    'ongeldige-status':
      'This sign-in attempt has expired or was already used. This happens when signing in takes longer than 10 minutes, or when you open an old page again. Please try again.',
    'oidc-niet-beschikbaar':
      'Signing in with your organisation account is not switched on (yet). Sign in with your e-mail address and password. Do not have them? Ask the administrator of your organisation for help.',
    'provider-onbereikbaar':
      'The sign-in service of your organisation does not respond right now. Try again in a few minutes. Still not working? Contact the service desk of your organisation.',
    'geweigerd-door-provider':
      'The sign-in service of your organisation stopped the sign-in. Perhaps you clicked Cancel, or you are not allowed to use Plein there. Try again, or ask the service desk of your organisation for help.',
    'oidc-mislukt':
      'Something went wrong between Plein and the sign-in service of your organisation. Please try again. Still not working? Ask the administrator of your organisation for help.',
    'oidc-configuratie':
      'Signing in through your organisation is not set up correctly in Plein. You cannot fix this yourself. Please tell the administrator of your organisation.',
    'geen-rol': 'You do not have a role in Plein (yet). Ask the administrator of your organisation to give you access.',
    'geen-account': 'You do not have a Plein account yet. Ask the administrator of your organisation to create one for you.',
    'e-mail-ontbreekt':
      'The sign-in service of your organisation did not pass on your e-mail address. Without it, Plein cannot create an account for you. Ask the administrator of your organisation to arrange this.',
    'account-al-gekoppeld':
      'Your Plein account already belongs to another account at the sign-in service. Sign in with that other account, or ask the administrator of your organisation for help.',
    'e-mail-niet-bevestigd':
      'The sign-in service of your organisation has not confirmed your e-mail address yet, so Plein cannot link you to your account. Ask the administrator of your organisation for help.',
    'account-geblokkeerd': 'Your Plein account is blocked. Ask the administrator of your organisation to unblock it.',
    onbekend: 'Something went wrong while signing in. Please try again. Still not working? Ask the administrator of your organisation for help.',
  },
});

export type SignInErrorCode = Exclude<keyof typeof signInErrorMessages.nl, 'title'>;

export function parseSignInErrorCode(value: string | null): SignInErrorCode | null {
  if (!value) return null;
  return value !== 'title' && Object.hasOwn(signInErrorMessages.nl, value) ? (value as SignInErrorCode) : 'onbekend';
}

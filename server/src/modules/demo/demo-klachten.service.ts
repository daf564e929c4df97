import type { ServiceContext } from '@platform/context.service';
import type { MunicipalityRow } from '@platform/db/database.schema';
import { formatLocalIsoDate } from '@platform/time/local-days.rules';
import { DEFAULT_TIME_ZONE } from '@platform/time/termijnen.rules';
import { assignKlachtHandler, changeKlachtStatus, decideKlacht, extendKlacht, planKlachtHearing, registerKlacht } from '../klachten/index';

const DAY = 86_400_000;

// A few klachten in different stages, so the register, a detail page, the reminders and the yearly report
// have something real to show: new, with a hearing planned, extended, decided, and resolved informally.
export async function addDemoKlachten(ctx: ServiceContext, municipalities: MunicipalityRow[], people: { handlerId: string; complainedAboutId: string }) {
  const now = ctx.clock.now();
  const receivedDaysAgo = (days: number) => formatLocalIsoDate(new Date(now.getTime() - days * DAY), DEFAULT_TIME_ZONE);
  const [first, second = first!, third = first!] = municipalities;
  const register = (
    municipality: MunicipalityRow,
    days: number,
    input: {
      name: string;
      subject: string;
      theme: 'bejegening' | 'communicatie' | 'dienstverlening' | 'termijnen' | 'beleid';
      channel: 'e-mail' | 'telefoon' | 'brief' | 'balie' | 'formulier';
      email?: string;
      complainedUserId?: string;
      complainedAbout?: string;
    },
  ) =>
    registerKlacht(ctx, {
      municipalityId: municipality.id,
      complainantName: input.name,
      complainantEmail: input.email,
      subject: input.subject,
      theme: input.theme,
      channel: input.channel,
      complainedUserId: input.complainedUserId,
      complainedAbout: input.complainedAbout,
      receivedOn: receivedDaysAgo(days),
    });

  await register(first!, 1, {
    name: 'A. de Boer',
    subject: 'Mijn vraag over de afvalpas is na drie weken nog steeds niet beantwoord.',
    theme: 'termijnen',
    channel: 'e-mail',
    email: 'a.deboer@example.nl',
  });

  const hearing = await register(second, 12, {
    name: 'M. Visser',
    subject: 'De medewerker van de buitendienst was onbeleefd toen ik vroeg wanneer de boom wordt gesnoeid.',
    theme: 'bejegening',
    channel: 'telefoon',
    complainedUserId: people.complainedAboutId,
  });
  await assignKlachtHandler(ctx, hearing.id, people.handlerId);
  await planKlachtHearing(ctx, hearing.id, { at: new Date(now.getTime() + 5 * DAY).toISOString(), place: 'Gemeentehuis, spreekkamer 2' });

  const extended = await register(third, 38, {
    name: 'Fam. Bakker',
    subject: 'Wij zijn niet geïnformeerd over de wegwerkzaamheden voor onze deur.',
    theme: 'communicatie',
    channel: 'brief',
    complainedAbout: 'Afdeling Openbare Ruimte',
  });
  await assignKlachtHandler(ctx, extended.id, people.handlerId);
  await extendKlacht(ctx, extended.id, { weeks: 4, reason: 'Wij wachten op informatie van de aannemer over de planning en de brieven die zijn verstuurd.' });

  const decided = await register(first!, 30, {
    name: 'J. Smit',
    subject: 'Mijn parkeervergunning is twee keer kwijtgeraakt bij de balie.',
    theme: 'dienstverlening',
    channel: 'balie',
  });
  await assignKlachtHandler(ctx, decided.id, people.handlerId);
  await planKlachtHearing(ctx, decided.id, { waived: true, reason: 'Klager gaf telefonisch aan geen gesprek nodig te hebben.' });
  await decideKlacht(ctx, decided.id, {
    outcome: 'gegrond',
    conclusion: 'De aanvraag is twee keer niet goed geregistreerd. Wij hebben de werkwijze aan de balie aangepast en bieden excuses aan.',
  });

  const informal = await register(second, 6, {
    name: 'R. Jansen',
    subject: 'Ik werd aan de telefoon drie keer doorverbonden zonder antwoord.',
    theme: 'dienstverlening',
    channel: 'formulier',
  });
  await changeKlachtStatus(ctx, informal.id, {
    status: 'informeel-opgelost',
    reason: 'Teruggebeld, de vraag beantwoord en excuses aangeboden; klager is tevreden.',
  });
}

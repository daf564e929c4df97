import type { NetworkGroup } from '@contracts/network';
import type { ServiceContext } from '@platform/context.service';
import { buildPlainMessage, findChannelAccountOfMunicipality, storeMessages } from '../channels/index';
import { createAuthorList, createMonitor, processMessages, setAuthorGroup } from '../luisteren/index';

// Luisteren in the demo: monitors on what the simulated traffic talks about, so items, tenor and alerts
// have something to show from the first messages on, the lists an analyst would keep, and a local network
// that has been writing for a few weeks, part of it classified by the demo's analyst.
export async function addDemoListening(ctx: ServiceContext, options: { analyst: ServiceContext; municipalities: Array<{ id: string }> }) {
  const monitors = [
    { name: 'Afval en grofvuil', query: 'afval OF grofvuil OF gft* OF container* OF "oud papier" OF #afval' },
    { name: 'Openbare ruimte', query: 'stoeptegel* OF lantaarnpa* OF straatverlichting OF gedumpt OF zwerfvuil' },
    { name: 'Brand en veiligheid', query: 'brand OF rook* OF brandweer OF nl-alert OF #brand' },
    { name: 'Dienstverlening', query: 'paspoort OF rijbewijs OF parkeervergunning OF gemeentehuis OF hondenbelasting' },
  ];
  for (const monitor of monitors) await createMonitor(ctx, { ...monitor, municipalityId: null, alertsEnabled: true, alertEmails: [] });
  await createAuthorList(ctx, { name: 'Raadsleden', description: 'Leden van de vier gemeenteraden', members: ['pieter_raad'] });
  await createAuthorList(ctx, { name: 'Pers', description: 'Regionale omroepen, kranten en journalisten', members: ['omroepkust'] });
  await addDemoNetwork(ctx, options.municipalities);
  // Accounts whose name does not give their group away: the analyst said which it is, and why.
  const classified: Array<[string, NetworkGroup, string | undefined]> = [
    ['kustkoerier', 'media', 'Huis-aan-huisblad voor de vier kustgemeenten'],
    ['strandpaviljoen_zon', 'bedrijfsleven', undefined],
    ['dorpsbelang_duinhoven', 'verenigingsleven', 'Vereniging van bewoners, praat mee over het dorpsplan'],
  ];
  for (const [handle, groep, toelichting] of classified) await setAuthorGroup(options.analyst, handle, { groep, toelichting });
}

// [handle, name, followers, municipality (index), days ago, text]
const NETWORK_POSTS: Array<[string, string, number, number, number, string]> = [
  ['omroepkust', 'Omroep Kust FM', 4200, 0, 2, 'Vanavond live vanuit de raadzaal: de begroting van Zeewolde aan Zee. Luister mee vanaf 19.30 uur.'],
  ['omroepkust', 'Omroep Kust FM', 4180, 2, 9, 'Bewoners van Strandmeer boos over de nieuwe parkeertarieven bij het strand, horen wij van luisteraars.'],
  ['omroepkust', 'Omroep Kust FM', 4150, 1, 23, 'Het dorpsfeest in Duinhoven trok dit weekend meer bezoekers dan ooit, een prachtig gezicht.'],
  ['omroepkust', 'Omroep Kust FM', 4100, 3, 44, 'De haven van Havenrijk krijgt een nieuwe steiger, de bouw begint in het voorjaar.'],
  ['kustkoerier', 'De Kustkoerier', 2600, 0, 1, 'In de krant van deze week: waarom de fietsbrug bij de boulevard nog steeds niet klaar is.'],
  ['kustkoerier', 'De Kustkoerier', 2580, 2, 15, 'Lezers klagen over de slechte staat van de fietspaden in Strandmeer, het is echt een schande.'],
  ['kustkoerier', 'De Kustkoerier', 2550, 3, 37, 'Interview met de havenmeester over het drukste seizoen sinds jaren.'],
  ['vvzeewolde', 'VV Zeewolde aan Zee', 850, 0, 3, 'Dank aan de gemeente voor het nieuwe kunstgrasveld, top geregeld en de jeugd is er dolblij mee!'],
  ['vvzeewolde', 'VV Zeewolde aan Zee', 840, 0, 30, 'Zaterdag de open dag van de jeugdafdeling, iedereen is welkom op het sportpark.'],
  ['bibliotheekduinhoven', 'Bibliotheek Duinhoven', 610, 1, 5, 'De voorleesochtend voor peuters is weer begonnen, elke woensdag om tien uur.'],
  ['bibliotheekduinhoven', 'Bibliotheek Duinhoven', 600, 1, 40, 'Mooie opkomst bij de lezing over de geschiedenis van de duinen, dank aan alle bezoekers.'],
  ['wethouder_jansen', 'Karin Jansen', 1300, 2, 4, 'Trots op het nieuwe speelveld aan de Duinweg: samen met de buurt ontworpen, vandaag geopend.'],
  ['wethouder_jansen', 'Karin Jansen', 1290, 2, 18, 'Goed gesprek gehad met ondernemers over de parkeertarieven, we zoeken samen naar een oplossing.'],
  ['pieter_raad', 'Pieter de Wit', 720, 3, 6, 'De raad moet de plannen voor de haven nog eens goed bekijken, dit voorstel is onvoldoende onderbouwd.'],
  ['pieter_raad', 'Pieter de Wit', 715, 3, 27, 'Vragen gesteld over de onveilige oversteek bij de school, ouders maken zich terecht zorgen.'],
  [
    'strandpaviljoen_zon',
    'Strandpaviljoen De Zon',
    1900,
    2,
    8,
    'Het nieuwe parkeerbeleid kost ons klanten, waarom is er niet met de ondernemers aan het strand overlegd?',
  ],
  ['strandpaviljoen_zon', 'Strandpaviljoen De Zon', 1880, 2, 50, 'Vanaf vandaag weer open, welkom terug op het strand!'],
  ['ivn_havenrijk', 'IVN Havenrijk', 430, 3, 12, 'Zondag een excursie langs de vogelrijke oevers van de haven, aanmelden kan via onze website.'],
  ['huisartsenstrandmeer', 'Huisartsen Strandmeer', 380, 2, 20, 'Let op: de praktijk is vrijdagmiddag gesloten, bel bij spoed de huisartsenpost.'],
  [
    'dorpsbelang_duinhoven',
    'Dorpsbelang Duinhoven',
    520,
    1,
    10,
    'Het dorpsplan is nog steeds niet besproken, de gemeente laat de bewoners al maanden wachten.',
  ],
  ['dorpsbelang_duinhoven', 'Dorpsbelang Duinhoven', 515, 1, 33, 'Goede avond gehad over de toekomst van het dorpshuis, dank aan iedereen die meedacht.'],
];

// The local network of the demo: local media, clubs, council members and businesses that have been posting
// for some weeks, so the network page and the profiles show frequency and tenor over time.
async function addDemoNetwork(ctx: ServiceContext, municipalities: Array<{ id: string }>) {
  const now = ctx.clock.now().getTime();
  for (const [index, municipality] of municipalities.entries()) {
    const account = await findChannelAccountOfMunicipality(ctx.db, ctx.actor.organisationId, municipality.id, 'gesimuleerd');
    const posts = NETWORK_POSTS.filter((post) => post[3] === index);
    if (!account || posts.length === 0) continue;
    const ids = await storeMessages(
      ctx.db,
      ctx.clock,
      account,
      posts.map(([handle, name, followers, , daysAgo, text]) =>
        buildPlainMessage({
          platformId: `demo-netwerk-${handle}-${daysAgo}`,
          author: { id: handle, handle, displayName: name, followers },
          text,
          visibility: 'openbaar',
          postedAt: new Date(now - daysAgo * 86_400_000),
          raw: {},
        }),
      ),
      { stream: 'search' },
    );
    // Analysed now, not by the worker later, so the analyst's classification below finds the authors.
    await processMessages(ctx.db, ctx.clock, ctx.actor.organisationId, ids);
  }
}

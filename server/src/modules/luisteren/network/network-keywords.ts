import type { NetworkGroup } from '@contracts/network';

// How a keyword must sit in a word. Handles glue words together (omroepcastricum, vvdbergen), so most
// keywords may be part of a word; short ones only as a whole word or at its start or end, because "fc",
// "fm" or "pers" inside a longer word is rarely what they mean ("persoonlijk").
export type KeywordPlace = 'woord' | 'begin' | 'eind' | 'deel';

export interface NetworkKeyword {
  word: string;
  group: NetworkGroup;
  place: KeywordPlace;
  // 2 for words that name the kind of institution, 1 for generic ones (stichting, bedrijf, school) that a
  // more specific word should outweigh: "Stichting Muziekschool" is culture, "Sportschool" is sport.
  weight: 1 | 2;
  // Words that contain the keyword without meaning it: "transport" is no sport, "natuurlijk" no nature club.
  unless?: string[];
}

type Entry = string | [word: string, place?: KeywordPlace, weight?: 1 | 2, unless?: string[]];

// The groups of the almanac of municipal social media, each "institutions and the people who work there".
// Words are in lower case without accents; a phrase of several words matches those words in a row.
const KEYWORDS: Record<NetworkGroup, Entry[]> = {
  'politiek-overheid': [
    'raadslid', 'raadsleden', 'wethouder', 'burgemeester', 'gemeente', 'fractie', 'griffie', 'griffier', 'politie', 'brandweer',
    'veiligheidsregio', 'provincie', 'waterschap', 'hoogheemraadschap', 'statenlid', 'gedeputeerde', 'wijkagent', 'wijkmanager',
    'dorpsraad', 'wijkraad', 'citymarketing', 'stadsmarketing', 'stadhuis', 'raadhuis', 'politiek', 'partij', 'kamerlid',
    'ministerie', 'rijkswaterstaat', 'groenlinks', 'christenunie', 'handhaving', 'boa',
    ['ambulance', 'deel', 2, ['dierenambulance']],
    ['raad', 'woord'], ['vvd', 'begin'], ['cda', 'begin'], ['pvda', 'begin'], ['d66', 'begin'], ['pvv', 'begin'], ['sgp', 'woord'], ['sp', 'woord'],
    ['112', 'woord'], ['overheid', 'deel'],
  ],
  bedrijfsleven: [
    'winkel', 'makelaar', 'bakkerij', 'restaurant', 'ondernemer', 'ondernemers', 'advocaat', 'advocaten', 'notaris', 'architect',
    'aannemer', 'projectontwikkel', 'drukkerij', 'detailhandel', 'retail', 'horeca', 'hotel', 'eetcafe', 'brasserie', 'slagerij',
    'kapsalon', 'kapper', 'supermarkt', 'boekhandel', 'garage', 'vastgoed', 'hovenier', 'loodgieter', 'bedrijvenkring', 'webshop',
    'kamer van koophandel', 'zakenclub',
    ['bv', 'woord'], ['b v', 'woord'], ['vof', 'woord'], ['kvk', 'woord'], ['cafe', 'woord'], ['shop', 'eind'], ['store', 'woord'],
    ['bedrijf', 'deel', 1], ['bouw', 'begin', 1, ['bouwen']], ['installatie', 'deel', 1], ['advies', 'deel', 1], ['zakelijk', 'deel', 1],
    ['bank', 'eind', 2, ['voedselbank', 'kledingbank', 'speelgoedbank']],
  ],
  media: [
    'omroep', 'krant', 'dagblad', 'weekblad', 'courant', 'nieuws', 'redacteur', 'redactie', 'journalist', 'verslaggever',
    'correspondent', 'fotograaf', 'persbureau', 'persfotograaf', 'uitgever', 'uitgeverij', 'radio', 'televisie', 'magazine', 'blogger',
    'podcast', 'huis aan huis',
    ['pers', 'woord'], ['media', 'woord'], ['fm', 'eind'], ['tv', 'woord'], ['rtv', 'begin'], ['blog', 'woord'],
  ],
  sport: [
    'voetbal', 'hockey', 'handbal', 'volleybal', 'honkbal', 'softbal', 'korfbal', 'basketbal', 'tennis', 'atletiek', 'hardloop',
    'marathon', 'scheidsrechter', 'wielren', 'schaats', 'zwemvereniging', 'zwembad', 'rugby', 'judo', 'biljart', 'schaak', 'padel',
    'watersport', 'paardensport', 'wintersport', 'zeilvereniging', 'roeivereniging', 'turnvereniging', 'sportpark', 'sporthal',
    ['sport', 'begin', 2, ['sportief']], ['fc', 'begin'], ['vv', 'woord'], ['sv', 'woord'], ['golf', 'begin'], ['run', 'woord'], ['loop', 'eind', 1, ['sloop', 'verloop', 'verkoop']],
  ],
  'kunst-cultuur': [
    'bibliotheek', 'museum', 'theater', 'muziek', 'kunstenaar', 'kunstcentrum', 'cultuur', 'cultureel', 'orkest', 'harmonie', 'fanfare',
    'muzikant', 'zanger', 'zangeres', 'dichter', 'schrijver', 'schrijfster', 'kunstschilder', 'beeldhouwer', 'galerie', 'galerij',
    'expositie', 'festival', 'filmhuis', 'bioscoop', 'toneel', 'ballet', 'atelier', 'poppodium', 'podium', 'cabaret',
    ['koor', 'eind'], ['kunst', 'begin', 2, ['kunststof', 'kunstgras', 'kunstmest']], ['dj', 'woord'], ['band', 'woord'], ['dans', 'begin', 2, ['danste']],
  ],
  verenigingsleven: [
    'scouting', 'padvind', 'historisch', 'historische', 'oudheidkamer', 'heemkunde', 'erfgoed', 'milieu', 'vogelwacht', 'liefdadigheid',
    'goede doel', 'goededoel', 'rotary', 'kiwanis', 'voedselbank', 'kledingbank', 'carnaval', 'oranjevereniging', 'speeltuinvereniging',
    'buurtvereniging', 'dorpshuis', 'natuurmonumenten', 'landschap',
    ['natuur', 'deel', 2, ['natuurlijk']], ['ivn', 'woord'], ['lions', 'woord'], ['ehbo', 'woord'],
    ['vereniging', 'deel', 1], ['stichting', 'begin', 1], ['vrijwillig', 'deel', 1], ['club', 'eind', 1],
  ],
  'non-profit': [
    'huisarts', 'ziekenhuis', 'gezondheid', 'jongerenwerk', 'welzijn', 'basisschool', 'onderwijs', 'therapeut', 'therapie', 'fysiotherap',
    'apotheek', 'tandarts', 'verloskund', 'psycholoog', 'verpleeg', 'kliniek', 'medisch', 'dierenambulance', 'dierenarts', 'dierenasiel',
    'kinderopvang', 'buurthuis', 'mantelzorg', 'hospice', 'ggz', 'jeugdzorg', 'thuiszorg', 'kraamzorg', 'zorggroep',
    ['zorg', 'deel', 2, ['bezorg', 'verzorgd', 'zorgen']], ['ggd', 'begin'], ['school', 'deel', 1], ['docent', 'deel', 1], ['leraar', 'deel', 1], ['juf', 'woord', 1],
  ],
};

export const NETWORK_KEYWORDS: NetworkKeyword[] = Object.entries(KEYWORDS).flatMap(([group, entries]) =>
  entries.map((entry): NetworkKeyword => {
    const [word, place = 'deel', weight = 2, unless] = typeof entry === 'string' ? [entry] : entry;
    return { word, group: group as NetworkGroup, place, weight, ...(unless && { unless }) };
  }),
);

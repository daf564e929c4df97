import { AreaPlaceholderPage, type AreaContent } from '../../layout/AreaPlaceholderPage';

const content: { nl: AreaContent; en: AreaContent } = {
  nl: {
    title: 'Meldingen',
    lead: 'Meldingen openbare ruimte en klachten, van binnenkomst tot afhandeling.',
    emptyTitle: 'Nog geen meldingen',
    emptyText: 'Meldingen wordt nu gebouwd. Straks komen hier meldingen binnen via het formulier op de website, apps (Open311) en berichten uit de inbox.',
    plannedHeading: 'Wat hier komt',
    planned: [
      'Een openbaar meldformulier zonder inloggen, met kaart, adres en foto',
      'Categorieën met afdeling en afhandeltermijn, en standaardteksten per status',
      'Open311 GeoReport v2, zodat bestaande meldapps kunnen melden',
      'Klachtenregister volgens de Awb, met het jaarverslag voor de raad',
    ],
  },
  en: {
    title: 'Reports',
    lead: 'Public space reports and complaints, from arrival to resolution.',
    emptyTitle: 'No reports yet',
    emptyText: 'Reports are being built. Soon reports will arrive here from the website form, apps (Open311) and messages from the inbox.',
    plannedHeading: 'What is coming',
    planned: [
      'A public report form without signing in, with map, address and photo',
      'Categories with department and handling period, and standard texts per status',
      'Open311 GeoReport v2, so existing reporting apps can file reports',
      'A complaints register following the Awb, with the yearly report to the council',
    ],
  },
};

export function MeldingenPage() {
  return <AreaPlaceholderPage content={content} />;
}

// Keep these lists honest: update them in the same change that fixes or introduces a limitation.
export const STATEMENT_DATE = '2026-11-22';

export const KNOWN_LIMITATIONS = [
  {
    title: 'Kaarten en grafieken',
    text: 'Kaarten (meldingen, initiatieven, gesprekslocaties) en grafieken (Inzicht) zijn nog niet gebouwd. Als ze er komen, staat er altijd een lijst of tabel met dezelfde gegevens naast, zodat ze niet de enige weg zijn.',
  },
  {
    title: 'Engelse vertaling',
    text: "De Engelse vertaling is gedeeltelijk. Menu's, formulieren en meldingen zijn vertaald; deze verklaring en sommige foutmeldingen van de server zijn alleen in het Nederlands.",
  },
  {
    title: 'Onderdelen in ontwikkeling',
    text: 'Luisteren, Inbox, Meldingen, Zenden, Participatie, Inzicht en Crisis tonen nu alleen een beschrijving van wat er komt. Zodra ze werken, toetsen we ze op dezelfde manier.',
  },
  {
    title: 'Kleurcontrast van huisstijlkleuren',
    text: 'Plein kiest automatisch witte of zwarte tekst op de huisstijlkleur van een gemeente. De rand van knoppen in een zeer lichte huisstijlkleur kan minder contrast hebben dan 3:1 met de achtergrond.',
  },
  {
    title: 'Lettertype',
    text: 'Het lettertype Noto Sans uit de NL Design System-huisstijl wordt niet meegeleverd; de browser toont een vergelijkbaar schreefloos lettertype.',
  },
];

export const TEST_METHODS = [
  'Automatische toetsing met axe-core in Chromium op elke pagina, op een breed scherm en op een scherm van 360 pixels breed; er mogen geen ernstige of kritieke fouten zijn.',
  'Controle dat op 360 pixels breed niets buiten het scherm valt (geen horizontaal scrollen).',
  'Toetsenbordcontrole: de link "Naar de inhoud" werkt, het hoofdmenu en alle knoppen zijn met Tab te bereiken, en de focus is steeds zichtbaar.',
  'Formulieren: elke fout staat bij het veld waar het om gaat en is daaraan gekoppeld voor schermlezers.',
];

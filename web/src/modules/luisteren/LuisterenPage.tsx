import { AreaPlaceholderPage, type AreaContent } from '../../layout/AreaPlaceholderPage';

const content: { nl: AreaContent; en: AreaContent } = {
  nl: {
    title: 'Luisteren',
    lead: 'Wat zeggen inwoners, ondernemers en media over uw gemeente, hoe, en waar?',
    emptyTitle: 'Nog geen monitors',
    emptyText: 'Luisteren wordt nu gebouwd. Straks maakt u hier een monitor: een bewaarde zoekopdracht over sociale media, nieuws en uw eigen kanalen. Berichten verschijnen dan in deze lijst.',
    plannedHeading: 'Wat hier komt',
    planned: [
      'Monitors met woorden, hashtags, accounts en plaatsen (EN, OF, NIET), zonder dubbele berichten',
      'Tenor per bericht (steun, kritiek, neutraal, gemengd), door u altijd aan te passen',
      'Wie en waar: afzenders met bereik, terugkerende critici en steunbetuigers, een kaart met een lijst ernaast',
      'Golven en pieken: binnen een minuut een waarschuwing aan de juiste mensen',
      'Analyses als TamTam, issue-analyse en reputatie-analyse, als pdf',
    ],
  },
  en: {
    title: 'Listening',
    lead: 'What do residents, businesses and the media say about your municipality, how, and where?',
    emptyTitle: 'No monitors yet',
    emptyText: 'Listening is being built. Soon you will create a monitor here: a saved search over social media, news and your own channels. Messages will then appear in this list.',
    plannedHeading: 'What is coming',
    planned: [
      'Monitors with words, hashtags, accounts and places (AND, OR, NOT), without duplicates',
      'Tone per message (support, criticism, neutral, mixed), which you can always correct',
      'Who and where: authors with reach, recurring critics and supporters, a map with a list beside it',
      'Waves and spikes: an alert to the right people within a minute',
      'Analyses such as TamTam, issue analysis and reputation analysis, as PDF',
    ],
  },
};

export function LuisterenPage() {
  return <AreaPlaceholderPage content={content} />;
}

import { type AreaContent, AreaPlaceholderPage } from '../../layout/AreaPlaceholderPage';

const content: { nl: AreaContent; en: AreaContent } = {
  nl: {
    title: 'Participatie',
    lead: 'Betrek inwoners bij plannen: trajecten, initiatieven, peilingen en inspraak.',
    emptyTitle: 'Nog geen trajecten',
    emptyText: 'Participatie wordt nu gebouwd. Straks ziet u hier alle lopende participatietrajecten van uw gemeente.',
    plannedHeading: 'Wat hier komt',
    planned: [
      'Participatietrajecten met doel, niveau, rol van de gemeente en fasen',
      'Initiatieven van inwoners op een kaart, met een lijst ernaast',
      'Peilingen en stemmingen, altijd ook op papier mogelijk',
      'Inspraak op plannen met een nota van beantwoording, en inwonerspanels',
    ],
  },
  en: {
    title: 'Participation',
    lead: 'Involve residents in plans: projects, initiatives, polls and consultation.',
    emptyTitle: 'No projects yet',
    emptyText: 'Participation is being built. Soon you will see every running participation project of your municipality here.',
    plannedHeading: 'What is coming',
    planned: [
      "Participation projects with goal, level, the municipality's role and phases",
      "Residents' initiatives on a map, with a list beside it",
      'Polls and votes, always with a paper alternative',
      'Consultation on plans with a published response, and resident panels',
    ],
  },
};

export function ParticipatiePage() {
  return <AreaPlaceholderPage content={content} />;
}

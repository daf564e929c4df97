import { type AreaContent, AreaPlaceholderPage } from '../../layout/AreaPlaceholderPage';

const content: { nl: AreaContent; en: AreaContent } = {
  nl: {
    title: 'Crisis',
    lead: 'Eén schakelaar opent de crisisruimte: monitor, crisisaccounts, snelle publicatie en omgevingsbeeld.',
    emptyTitle: 'Geen crisis actief',
    emptyText: 'De crisisruimte wordt nu gebouwd. Er is op dit moment geen crisis gestart voor deze gemeente.',
    plannedHeading: 'Wat hier komt',
    planned: [
      'Crisismodus met crisismonitor en de crisisaccounts op alle kanalen',
      'Publiceren zonder voorafgaande goedkeuring',
      'Een geruchtenbord met controlelijst en link naar de officiële rectificatie',
      'Het live omgevingsbeeld en elke paar uur een omgevingsrapport voor het crisisteam',
    ],
  },
  en: {
    title: 'Crisis',
    lead: 'One switch opens the crisis room: monitor, crisis accounts, fast publishing and a live picture.',
    emptyTitle: 'No active crisis',
    emptyText: 'The crisis room is being built. No crisis has been started for this municipality.',
    plannedHeading: 'What is coming',
    planned: [
      'Crisis mode with a crisis monitor and the crisis accounts on every channel',
      'Publishing without prior approval',
      'A rumour board with a checklist and a link to the official correction',
      'The live picture and, every few hours, an environment report for the crisis team',
    ],
  },
};

export function CrisisPage() {
  return <AreaPlaceholderPage content={content} />;
}

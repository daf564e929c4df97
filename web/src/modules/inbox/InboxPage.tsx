import { useAuth } from '../../app/auth-context';
import { useMessages } from '../../app/i18n';
import { AreaPlaceholderPage, type AreaContent } from '../../layout/AreaPlaceholderPage';
import { ButtonLink } from '../../ui';
import { inboxMessages } from './inbox-messages';

const content: { nl: AreaContent; en: AreaContent } = {
  nl: {
    title: 'Inbox',
    lead: 'Vragen, klachten en reacties van alle kanalen en gemeenten op één plek.',
    emptyTitle: 'Nog geen gesprekken',
    emptyText: 'De inbox wordt nu gebouwd. Zodra er kanalen gekoppeld zijn, ziet u hier de gesprekken die op u of uw team wachten.',
    plannedHeading: 'Wat hier komt',
    planned: [
      'Eén inbox voor alle accounts en kanalen, met de geschiedenis van de persoon',
      'Verdelen over teams (KCC, communicatie, vakafdeling, griffie) met regels',
      'Reactienormen per account, met klokken die kantooruren respecteren',
      'Een antwoordvenster met kennisbank, standaardteksten en toetsing aan de toon van de gemeente',
      'Van bericht naar melding of klacht, met voortgang via hetzelfde kanaal',
    ],
  },
  en: {
    title: 'Inbox',
    lead: 'Questions, complaints and reactions from every channel and municipality in one place.',
    emptyTitle: 'No conversations yet',
    emptyText: 'The inbox is being built. Once channels are connected, you will see the conversations waiting for you or your team here.',
    plannedHeading: 'What is coming',
    planned: [
      'One inbox for all accounts and channels, with the person\'s history',
      'Routing to teams (KCC, communications, departments, griffie) by rules',
      'Response norms per account, with clocks that respect office hours',
      'A reply composer with a knowledge base, standard texts and a check against the municipality\'s tone',
      'From message to report or complaint, with progress on the same channel',
    ],
  },
};

export function InboxPage() {
  const t = useMessages(inboxMessages);
  const { can } = useAuth();
  // Phone calls can already be logged, although the inbox that shows them is still being built.
  const actions = can('messages.log') ? <ButtonLink to="/inbox/telefoongesprek">{t('logCall')}</ButtonLink> : undefined;
  return <AreaPlaceholderPage content={content} actions={actions} />;
}

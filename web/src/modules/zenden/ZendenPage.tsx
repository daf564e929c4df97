import { type AreaContent, AreaPlaceholderPage } from '../../layout/AreaPlaceholderPage';

const content: { nl: AreaContent; en: AreaContent } = {
  nl: {
    title: 'Zenden',
    lead: 'Plan, schrijf en publiceer de berichten van uw gemeente op alle kanalen.',
    emptyTitle: 'Nog geen berichten gepland',
    emptyText: 'Zenden wordt nu gebouwd. Straks staat hier de contentkalender met wat wanneer op welk kanaal verschijnt.',
    plannedHeading: 'Wat hier komt',
    planned: [
      'Een register van alle accounts namens de gemeente, met eigenaar en doel',
      'Een contentkalender, gekoppeld aan raadsvergaderingen, collegebesluiten en evenementen',
      'Eén bericht schrijven en per kanaal aanpassen, op het beste moment gepland',
      'Goedkeuring door communicatie, en een snelle route zonder goedkeuring in een crisis',
    ],
  },
  en: {
    title: 'Publishing',
    lead: "Plan, write and publish your municipality's messages on every channel.",
    emptyTitle: 'No messages planned yet',
    emptyText: 'Publishing is being built. Soon this will show the content calendar: what appears when, on which channel.',
    plannedHeading: 'What is coming',
    planned: [
      'A register of every account on behalf of the municipality, with owner and purpose',
      'A content calendar tied to council meetings, executive decisions and events',
      'Write one message and tailor it per channel, scheduled at the best moment',
      'Approval by communications, and a fast path without approval in a crisis',
    ],
  },
};

export function ZendenPage() {
  return <AreaPlaceholderPage content={content} />;
}

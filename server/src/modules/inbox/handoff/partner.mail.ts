const dateText = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric' });

export interface PartnerMail {
  partnerName: string;
  organisation: string;
  municipality: string;
  channel: string;
  question: string;
  context: string | null;
  agentName: string;
  answerDays: number;
  dueAt: Date;
  expiresAt: Date;
  link: string;
}

// The partner has no account: everything needed to pick the question up is in the mail and behind the link.
export function composePartnerMailText(mail: PartnerMail) {
  const subject = `Vraag van een inwoner van ${mail.municipality}, doorgezet door ${mail.organisation}`;
  const text = [
    `Beste ${mail.partnerName},`,
    '',
    `Een inwoner van ${mail.municipality} stelde ons via ${mail.channel} een vraag die bij u hoort. Wilt u die oppakken?`,
    '',
    'De vraag:',
    mail.question,
    ...(mail.context ? ['', `Toelichting van ${mail.agentName}:`, mail.context] : []),
    '',
    'Laat via deze link weten of u de vraag in behandeling neemt en wat uw antwoord is. U heeft geen account nodig:',
    mail.link,
    '',
    `Wij horen graag binnen ${mail.answerDays} ${mail.answerDays === 1 ? 'werkdag' : 'werkdagen'} van u, uiterlijk ${dateText.format(mail.dueAt)}. De link werkt tot ${dateText.format(mail.expiresAt)}. Wij geven uw antwoord door aan de inwoner.`,
    '',
    'Deel deze link niet: wie hem heeft, kan uw antwoord geven.',
    '',
    `Met vriendelijke groet,`,
    `${mail.agentName}, ${mail.organisation}`,
  ].join('\n');
  return { subject, text };
}

import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';

// Mails as a resident's mail client writes them, for the e-mail tests.

// A PNG of one pixel: small, but a real image.
export const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
export const LETTER_PDF = Buffer.from('%PDF-1.4\n% een brief van een bewoner\n%%EOF\n');

let counter = 0;

export async function composeResidentMail(options: Partial<Mail.Options> & { to: string }): Promise<{ raw: Buffer; messageId: string }> {
  counter += 1;
  const messageId = `bewoner-${Date.now().toString(36)}-${counter}@thuis.example`;
  const raw = await new MailComposer({
    from: '"Anna de Vries" <anna@thuis.example>',
    subject: 'Losliggende stoeptegel',
    text: 'Op de Dorpsstraat ligt een stoeptegel los.',
    messageId: `<${messageId}>`,
    date: new Date('2026-11-23T08:30:00+01:00'),
    ...options,
  })
    .compile()
    .build();
  return { raw, messageId };
}

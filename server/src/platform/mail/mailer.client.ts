import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { JobDefinition } from '../jobs/job-registry.service';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  // The text holds a secret link (password reset, a melding's tracking or KTO link, a partner's hand-off): once the
  // mail is sent, the job's row keeps only to whom and about what.
  secret?: boolean;
  // Threading, for answers to a resident's message.
  inReplyTo?: string;
  references?: string[];
}

export interface Mailer {
  // False when there is no SMTP_URL and mail only goes to the log.
  readonly delivers: boolean;
  send(mail: OutgoingMail & { messageId: string }): Promise<void>;
}

export function createMailer(options: { smtpUrl?: string; from: string; logger?: Logger }): Mailer {
  if (!options.smtpUrl) {
    // Without SMTP (a laptop demo) mail goes to the log, so a reset link can still be followed.
    return {
      delivers: false,
      async send(mail) {
        options.logger?.warn({ subject: mail.subject, body: mail.text }, 'Geen SMTP_URL ingesteld: e-mail alleen gelogd');
      },
    };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    delivers: true,
    async send(mail) {
      await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        inReplyTo: mail.inReplyTo,
        references: mail.references,
      });
    },
  };
}

// Mail leaves through the job queue: written in the same transaction as the change that causes it,
// retried on failure, and the Message-ID is the job's id so a receiving server can spot a repeat.
export function mailJob(mailer: Mailer, domain: string): JobDefinition {
  return {
    name: 'mail.versturen',
    maxAttempts: 8,
    forgetWhenDone: (payload) => (payload.secret === true ? ['text', 'html'] : []),
    handler: async ({ job, payload }) => {
      const mail = payload as unknown as OutgoingMail;
      await mailer.send({ ...mail, messageId: `<${job.id}@${domain}>` });
    },
  };
}

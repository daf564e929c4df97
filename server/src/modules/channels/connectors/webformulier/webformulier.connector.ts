import { ChannelError, type Connector } from '../../connector.types';

// Residents who used the public contact form get the answer by e-mail, from Plein's own mail
// (SMTP_URL), threaded under the confirmation they received. There is nothing to poll: the form posts
// straight into Plein.
export const webformulierConnector: Connector = {
  channel: 'webformulier',
  streams: () => [],
  async send(account, request, deps) {
    if (!request.replyTo) throw new ChannelError('permanent', 'Een antwoord op het webformulier hoort bij een bericht van een inwoner.');
    if (!deps.mailer?.delivers) {
      throw new ChannelError('permanent', 'Plein heeft geen SMTP_URL: antwoorden op het webformulier kunnen niet per e-mail worden verstuurd.');
    }
    const messageId = `plein-${request.outboxId}@${deps.mailDomain ?? 'plein.local'}`;
    const subject = request.replyTo.subject ? `Re: ${request.replyTo.subject.replace(/^(re|antw):\s*/i, '')}` : `Antwoord van ${account.handle}`;
    try {
      await deps.mailer.send({ to: request.replyTo.authorHandle, subject, text: request.text, messageId: `<${messageId}>` });
    } catch (error) {
      // The SMTP server did not take it: try again later; the same Message-ID lets a receiver drop a repeat. An SMTP
      // reply code means the server answered (it has not taken the message); no connection means nothing left.
      const smtp = error as { responseCode?: unknown; code?: unknown; message?: unknown };
      throw new ChannelError('transient', `De mailserver nam het antwoord niet aan: ${error instanceof Error ? error.message : String(error)}`, null, {
        status: typeof smtp.responseCode === 'number' ? smtp.responseCode : undefined,
        neverConnected: smtp.code === 'EDNS' || /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH/.test(String(smtp.message)),
      });
    }
    return { platformId: messageId, publicUrl: null };
  },
};

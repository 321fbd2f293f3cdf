/**
 * @module testing/smtp
 * A throwaway SMTP server on 127.0.0.1, port 0, that keeps every mail it receives (never a real relay).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope's recipients, comma-separated. */
  to: string;
  /** The message as it came over the wire: headers and body. */
  raw: string;
}

export interface TestSmtp {
  /** smtp://127.0.0.1:<port>, for WW_SMTP_URL. */
  url: string;
  /** Mails in arrival order. */
  mails: ReceivedMail[];
  close(): Promise<void>;
}

/** Starts a server without TLS or authentication, as a local relay on a developer's machine would be. */
export async function startSmtp(): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

import { SMTPServer } from 'smtp-server';

/** One message the SMTP stand-in accepted. */
export interface Mail {
  at: number;
  raw: string;
  /** From the Message-ID, `<faultline.<alert id>@…>` (the same on every attempt), or `?`. */
  alertId: string;
  /** From the `Alert id:` line of the text body, or `?`. */
  bodyAlertId: string;
}

/** An SMTP server on 127.0.0.1 that can be down (nothing listening) and up again on the same port. */
export interface SmtpStandIn {
  readonly port: number;
  /** `smtp://127.0.0.1:PORT`: SMTP_URL. */
  readonly url: string;
  readonly mails: Mail[];
  /** Starts listening on the port (again). */
  up(): Promise<void>;
  /** Stops listening; connections are refused until `up()`. */
  down(): Promise<void>;
}

/** The value of a header or of a `Label: value` line of the text body. */
function field(raw: string, name: string): string {
  return new RegExp(`^${name}:\\s*(.+)$`, 'mi').exec(raw)?.[1]?.trim() ?? '?';
}

/** A stand-in on `port` (from `freePort()`), down until `up()`. */
export function smtpStandIn(port: number): SmtpStandIn {
  const mails: Mail[] = [];
  let server: SMTPServer | undefined;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async up() {
      if (server) return;
      const started = new SMTPServer({
        logger: false,
        disabledCommands: ['STARTTLS', 'AUTH'],
        authOptional: true,
        closeTimeout: 50,
        onData(stream, _session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            const alertId = /^Message-ID:\s*<faultline\.([^@>]+)@/im.exec(raw)?.[1] ?? '?';
            mails.push({ at: Date.now(), raw, alertId, bodyAlertId: field(raw, 'Alert id') });
            callback();
          });
        },
      });
      await new Promise<void>((resolve, reject) => {
        started.once('error', reject);
        started.listen(port, '127.0.0.1', () => resolve());
      });
      server = started;
    },
    async down() {
      const stopping = server;
      server = undefined;
      if (stopping) await new Promise<void>((resolve) => stopping.close(() => resolve()));
    },
  };
}

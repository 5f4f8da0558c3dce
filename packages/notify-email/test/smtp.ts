import { createServer } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** A message the test server accepted. */
export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  raw: string;
}

/** What the server should answer to a DATA command (by attempt number, from 1): nothing = accept. */
export type Reply = { code: number; message: string } | undefined;

export interface TestSmtpServerOptions {
  /** Listen on this port instead of a free one. */
  port?: number;
  /** Require AUTH PLAIN/LOGIN with these credentials (STARTTLS off, plain-text auth allowed). */
  auth?: { user: string; pass: string };
  /** The text of the 535 reply to bad credentials (a careless server may echo them). */
  authFailureText?: (user: string, pass: string) => string;
  /** Answer the n-th DATA with an error instead of accepting the message. */
  replyToData?: (attempt: number) => Reply;
}

export interface TestSmtpServer {
  port: number;
  mails: ReceivedMail[];
  /** DATA commands received, accepted or not. */
  dataAttempts: number;
  /** AUTH attempts received, accepted or not. */
  authAttempts: number;
  /** `smtp://[user:pass@]127.0.0.1:port` */
  url(credentials?: { user: string; pass: string }): string;
  close(): Promise<void>;
}

function smtpError(reply: { code: number; message: string }): Error {
  return Object.assign(new Error(reply.message), { responseCode: reply.code });
}

/** A real `smtp-server` on 127.0.0.1 that records what it receives. */
export async function startSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const state: TestSmtpServer = {
    port: 0,
    mails: [],
    dataAttempts: 0,
    authAttempts: 0,
    url: (credentials) => {
      const auth = credentials
        ? `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.pass)}@`
        : '';
      return `smtp://${auth}127.0.0.1:${state.port}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    logger: false,
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    closeTimeout: 50,
    onAuth(auth, _session, callback) {
      state.authAttempts += 1;
      const ok = auth.username === options.auth?.user && auth.password === options.auth?.pass;
      if (ok) callback(null, { user: auth.username });
      else {
        const message = options.authFailureText?.(auth.username ?? '', auth.password ?? '');
        callback(smtpError({ code: 535, message: message ?? 'Authentication credentials invalid' }));
      }
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        state.dataAttempts += 1;
        const reply = options.replyToData?.(state.dataAttempts);
        if (reply) return callback(smtpError(reply));
        state.mails.push({
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  state.port = typeof address === 'object' && address ? address.port : 0;
  return state;
}

/** A port nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

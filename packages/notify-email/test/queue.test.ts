import { createTransport } from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type EmailDeliveryError,
  type EmailMessage,
  EmailNotifier,
  type EmailNotifierOptions,
  type EmailTransport,
} from '../src/index.js';
import { makeAlert, waitFor } from './fixtures.js';
import { parseMail } from './mime.js';
import { startSmtpServer, type TestSmtpServer } from './smtp.js';

let smtp: TestSmtpServer;
afterEach(async () => {
  await smtp?.close();
});

/** A nodemailer transport to a real server, held back until `open()` is called. */
async function gatedTransport(): Promise<{
  transport: EmailTransport;
  open: () => void;
  sent: EmailMessage[];
}> {
  smtp = await startSmtpServer();
  const real = createTransport({ url: smtp.url(), pool: false });
  let open!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const sent: EmailMessage[] = [];
  const transport: EmailTransport = {
    sendMail: async (message) => {
      sent.push(message);
      await gate;
      return real.sendMail(message);
    },
  };
  return { transport, open, sent };
}

function notifier(transport: EmailTransport, options: Partial<EmailNotifierOptions> = {}) {
  const errors: EmailDeliveryError[] = [];
  const email = new EmailNotifier({
    transport,
    from: 'alerts@example.com',
    to: 'oncall@example.com',
    timeoutMs: 2000,
    backoff: { baseMs: 10, capMs: 50 },
    onError: (error) => errors.push(error),
    ...options,
  });
  return { email, errors };
}

const subjects = () => smtp.mails.map((mail) => parseMail(mail.raw).subject);

describe('queue and flush', () => {
  it('flush() is true at once when nothing is queued', async () => {
    const { transport } = await gatedTransport();
    expect(await notifier(transport).email.flush(0)).toBe(true);
  });

  it('notify() returns while the server is still busy; flush() waits for the delivery', async () => {
    const { transport, open } = await gatedTransport();
    const { email, errors } = notifier(transport);
    await email.notify(makeAlert());
    expect(await email.flush(50)).toBe(false);
    open();
    expect(await email.flush(5000)).toBe(true);
    expect(smtp.mails).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('sends in order and, when the queue is full, drops the oldest waiting alert and reports it', async () => {
    const { transport, open, sent } = await gatedTransport();
    const { email, errors } = notifier(transport, { maxQueueSize: 2, subjectPrefix: '' });
    const alerts = [1, 2, 3, 4].map((count) => makeAlert({ groups: [{ ...makeAlert().groups[0]!, count }] }));
    await email.notify(alerts[0]!);
    await waitFor(() => sent.length === 1); // the first one is being sent; 2, 3 and 4 wait in a queue of 2
    for (const alert of alerts.slice(1)) await email.notify(alert);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      alertId: alerts[1]!.id,
      reason: 'queue-full',
      permanent: false,
      attempts: 0,
    });
    expect(errors[0]!.message).toBe(
      `Email for alert ${alerts[1]!.id} dropped: 2 alerts were already waiting to be sent`,
    );
    open();
    expect(await email.flush(5000)).toBe(true);
    expect(subjects()).toEqual([
      '1× PaymentError in chargeCard',
      '3× PaymentError in chargeCard',
      '4× PaymentError in chargeCard',
    ]);
  });

  it('sends an alert handed over twice only once', async () => {
    const { transport, open } = await gatedTransport();
    const { email } = notifier(transport);
    const alert = makeAlert();
    await email.notify(alert);
    await email.notify(alert);
    await email.notify({ ...alert });
    open();
    expect(await email.flush(5000)).toBe(true);
    expect(smtp.mails).toHaveLength(1);
  });

  it('keeps going when onError throws', async () => {
    smtp = await startSmtpServer({
      replyToData: (n) => (n === 1 ? { code: 554, message: 'no' } : undefined),
    });
    const real = createTransport({ url: smtp.url(), pool: false });
    const email = new EmailNotifier({
      transport: real,
      from: 'alerts@example.com',
      to: 'oncall@example.com',
      onError: () => {
        throw new Error('a broken error handler');
      },
    });
    await email.notify(makeAlert());
    await email.notify(makeAlert());
    expect(await email.flush(5000)).toBe(true);
    expect(smtp.dataAttempts).toBe(2);
    expect(smtp.mails).toHaveLength(1);
  });

  it('reports a transport that throws or returns garbage as rejected, without crashing', async () => {
    const throwing: EmailTransport = {
      sendMail: () => {
        throw new TypeError('boom');
      },
    };
    const { email, errors } = notifier(throwing);
    await email.notify(makeAlert());
    expect(await email.flush(1000)).toBe(true);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reason: 'rejected', permanent: true, attempts: 1, response: 'boom' });
  });

  it('abandons an attempt that hangs after 3 × timeoutMs, aborts it, and retries', async () => {
    const signals: AbortSignal[] = [];
    const hanging: EmailTransport = {
      sendMail: (message) => {
        signals.push(message.signal);
        return new Promise(() => undefined);
      },
    };
    const { email, errors } = notifier(hanging, { timeoutMs: 20, maxRetries: 1 });
    await email.notify(makeAlert());
    expect(await email.flush(2000)).toBe(true);
    expect(signals).toHaveLength(2);
    expect(signals.every((signal) => signal.aborted)).toBe(true);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reason: 'retries-exhausted', code: 'ETIMEDOUT', attempts: 2 });
    expect(errors[0]!.response).toBe('no answer within 60 ms');
  });

  it('reports an alert it cannot render, and never rejects', async () => {
    const { transport } = await gatedTransport();
    const { email, errors } = notifier(transport);
    const poisoned = makeAlert();
    Object.defineProperty(poisoned, 'groups', {
      get() {
        throw new Error('getter failed');
      },
    });
    await expect(email.notify(poisoned)).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ alertId: poisoned.id, reason: 'render-failed', permanent: true });
    expect(await email.flush(0)).toBe(true);
  });
});

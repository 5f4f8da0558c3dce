import { afterEach, describe, expect, it } from 'vitest';
import { type EmailDeliveryError, EmailNotifier, type EmailNotifierOptions } from '../src/index.js';
import { makeAlert, makeGroup } from './fixtures.js';
import { parseMail } from './mime.js';
import { closedPort, startSmtpServer, type TestSmtpServer } from './smtp.js';

const USER = 'alerts-bot';
const PASSWORD = 'Sm7p-Pa55!w0rd#s3cret';
const CREDENTIALS = { user: USER, pass: PASSWORD };
/** Every form in which the password could leak: as is, percent-encoded, base64 of AUTH PLAIN and LOGIN. */
const PASSWORD_FORMS = [
  PASSWORD,
  encodeURIComponent(PASSWORD),
  Buffer.from(PASSWORD).toString('base64'),
  Buffer.from(`\u0000${USER}\u0000${PASSWORD}`).toString('base64'),
];
const FAST = { timeoutMs: 2000, backoff: { baseMs: 20, capMs: 100 } };

const servers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function server(options: Parameters<typeof startSmtpServer>[0] = {}): Promise<TestSmtpServer> {
  const started = await startSmtpServer(options);
  servers.push(started);
  return started;
}

function notifier(options: Partial<EmailNotifierOptions> & { smtpUrl: string }) {
  const errors: EmailDeliveryError[] = [];
  const email = new EmailNotifier({
    from: 'Faultline <alerts@example.com>',
    to: ['oncall@example.com', 'backup@example.com'],
    onError: (error) => errors.push(error),
    ...FAST,
    ...options,
  });
  return { email, errors };
}

/** The error as anything that might print or ship it would see it. */
function everythingIn(error: EmailDeliveryError): string {
  return [String(error), error.stack, JSON.stringify(error), JSON.stringify(Object.entries(error))].join(
    '\n',
  );
}

function expectNoPassword(text: string): void {
  for (const form of PASSWORD_FORMS) expect(text).not.toContain(form);
}

describe('delivery to a real SMTP server', () => {
  it('sends one mail with the headers and both bodies, in the background, with authentication', async () => {
    const smtp = await server({ auth: CREDENTIALS });
    const { email, errors } = notifier({ smtpUrl: smtp.url(CREDENTIALS) });
    const alert = makeAlert();
    await email.notify(alert); // returns once queued: the mail has not been sent yet
    expect(smtp.mails).toHaveLength(0);
    expect(await email.flush(5000)).toBe(true);

    expect(errors).toEqual([]);
    expect(smtp.mails).toHaveLength(1);
    const [received] = smtp.mails;
    expect(received!.envelopeFrom).toBe('alerts@example.com');
    expect(received!.envelopeTo).toEqual(['oncall@example.com', 'backup@example.com']);
    const mail = parseMail(received!.raw);
    expect(mail.headers.get('from')).toBe('Faultline <alerts@example.com>');
    expect(mail.headers.get('to')).toBe('oncall@example.com, backup@example.com');
    expect(mail.subject).toBe('[prod] 12× PaymentError in chargeCard');
    expect(mail.headers.get('message-id')).toBe(`<faultline.${alert.id}@example.com>`);
    expect(mail.headers.get('content-type')).toMatch(/^multipart\/alternative/);
    expect(mail.text).toContain('PaymentError: card declined for [Filtered]');
    expect(mail.text).toContain('12 events in 60 s');
    expect(mail.html).toMatch(/^<!doctype html>/);
    expect(mail.html).toContain(
      '<h2 style="margin:0 0 8px;font-size:16px">PaymentError: card declined for [Filtered]</h2>',
    );
    expect(mail.html).toContain('shop-api@4.2.0');
    expectNoPassword(received!.raw);
  });

  it('retries a 451 and delivers exactly once', async () => {
    const smtp = await server({
      replyToData: (n) => (n === 1 ? { code: 451, message: '4.3.0 Try again later' } : undefined),
    });
    const { email, errors } = notifier({ smtpUrl: smtp.url() });
    await email.notify(makeAlert());
    expect(await email.flush(5000)).toBe(true);
    expect(smtp.dataAttempts).toBe(2);
    expect(smtp.mails).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('treats a 550 as permanent: reported once with the code and the text cut to 200 characters, not retried', async () => {
    const reason = `5.1.1 <oncall@example.com>: Recipient address rejected: ${'x'.repeat(300)}`;
    const smtp = await server({ replyToData: () => ({ code: 550, message: reason }) });
    const { email, errors } = notifier({ smtpUrl: smtp.url() });
    const alert = makeAlert();
    await email.notify(alert);
    expect(await email.flush(5000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 150)); // longer than any backoff: nothing more happens
    expect(smtp.dataAttempts).toBe(1);
    expect(smtp.mails).toHaveLength(0);
    expect(errors).toHaveLength(1);
    const [error] = errors;
    expect(error).toMatchObject({
      name: 'EmailDeliveryError',
      alertId: alert.id,
      reason: 'rejected',
      permanent: true,
      responseCode: 550,
      attempts: 1,
    });
    expect(error!.response).toMatch(/^550 5\.1\.1 <oncall@example\.com>: Recipient address rejected: x+…$/);
    expect(error!.response!.length).toBe(200);
    expect(error!.message).toContain(`Email for alert ${alert.id} was rejected (550, EMESSAGE): 550 5.1.1`);
  });

  it('gives up after maxRetries transient failures and reports once', async () => {
    const smtp = await server({ replyToData: () => ({ code: 421, message: '4.7.0 Too busy' }) });
    const { email, errors } = notifier({ smtpUrl: smtp.url(), maxRetries: 2 });
    await email.notify(makeAlert());
    expect(await email.flush(5000)).toBe(true);
    expect(smtp.dataAttempts).toBe(3);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      reason: 'retries-exhausted',
      permanent: false,
      responseCode: 421,
      attempts: 3,
    });
  });

  it('keeps trying while the server is down and delivers once it comes up', async () => {
    const port = await closedPort();
    const { email, errors } = notifier({
      smtpUrl: `smtp://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`,
      backoff: { baseMs: 50, capMs: 100 },
      maxRetries: 20,
    });
    await email.notify(makeAlert());
    await new Promise((resolve) => setTimeout(resolve, 200));
    const smtp = await server({ port, auth: CREDENTIALS });
    expect(await email.flush(5000)).toBe(true);
    expect(smtp.mails).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('reports a refused connection without the password in the URL', async () => {
    const port = await closedPort();
    const { email, errors } = notifier({
      smtpUrl: `smtp://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`,
      maxRetries: 1,
    });
    await email.notify(makeAlert());
    expect(await email.flush(5000)).toBe(true);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      reason: 'retries-exhausted',
      permanent: false,
      code: 'ECONNREFUSED',
      attempts: 2,
    });
    expect(errors[0]!.responseCode).toBeUndefined();
    expectNoPassword(everythingIn(errors[0]!));
  });

  it('never puts the password in an error, even when the server echoes it in a 535', async () => {
    const smtp = await server({
      auth: { user: USER, pass: 'the-right-one' },
      authFailureText: (user, pass) =>
        `5.7.8 Bad credentials ${user}:${pass} ${Buffer.from(pass).toString('base64')}`,
    });
    const { email, errors } = notifier({ smtpUrl: smtp.url(CREDENTIALS) });
    await email.notify(makeAlert());
    expect(await email.flush(5000)).toBe(true);
    expect(smtp.authAttempts).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      reason: 'rejected',
      permanent: true,
      responseCode: 535,
      code: 'EAUTH',
    });
    expect(errors[0]!.response).toContain('535 5.7.8 Bad credentials [redacted]');
    expect(Object.keys(errors[0]!)).not.toContain('auth');
    expect(errors[0]!.cause).toBeUndefined();
    expectNoPassword(everythingIn(errors[0]!));
  });

  it('escapes secrets planted in the alert and adds nothing of its own', async () => {
    const smtp = await server({ auth: CREDENTIALS });
    const { email } = notifier({ smtpUrl: smtp.url(CREDENTIALS) });
    const planted = makeGroup({
      message: `login <jane@example.com> password="hunter2" & token='sk_live_abc'`,
      tags: { session: '<sid>"s3ss10n"</sid>', user: "o'hara" },
    });
    await email.notify(makeAlert({ groups: [planted] }));
    expect(await email.flush(5000)).toBe(true);
    const { raw } = smtp.mails[0]!;
    const mail = parseMail(raw);
    expect(mail.html).toContain(
      'login &lt;jane@example.com&gt; password=&quot;hunter2&quot; &amp; token=&#39;sk_live_abc&#39;',
    );
    expect(mail.html).toContain('session=&lt;sid&gt;&quot;s3ss10n&quot;&lt;/sid&gt;');
    expect(mail.html).toContain('user=o&#39;hara');
    expect(mail.html).not.toMatch(/<jane|<sid>|o'hara/);
    expect(mail.text).toContain(`login <jane@example.com> password="hunter2" & token='sk_live_abc'`);
    expectNoPassword(raw);
    expect(raw).not.toContain(USER);
    expect(raw).not.toContain(`127.0.0.1:${smtp.port}`);
  });
});

import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Event } from '@faultline/alerts';
import { createAlertEngine } from '@faultline/alerts';
import { SlackNotifier } from '@faultline/notify-slack';
import { createScrubber } from '@faultline/scrub';
import { afterAll, expect, it } from 'vitest';
import { EmailNotifier } from '../src/index.js';
import { parseMail } from './mime.js';
import { startSmtpServer } from './smtp.js';

/** A Slack-compatible webhook receiver on 127.0.0.1 that keeps the bodies it was posted. */
async function slackReceiver() {
  const bodies: string[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      bodies.push(body);
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    bodies,
    url: `http://127.0.0.1:${port}/services/T000/B000/secretWebhookToken`,
    close: () => server.close(),
  };
}

const SECRETS = ['4111 1111 1111 1111', 'jane@example.com', 'hunter2', 'sk_live_51HxSecretKey0000000000'];

/** A PaymentError as @sentry/node captures it, with secrets in its message, tags and request. */
function paymentError(index: number): Event {
  return {
    event_id: `${index}`.padStart(32, 'a'),
    level: 'error',
    environment: 'production',
    release: 'shop@1.2.3',
    server_name: 'web-1',
    exception: {
      values: [
        {
          type: 'PaymentError',
          value: `card 4111 1111 1111 1111 declined for jane@example.com (attempt ${index})`,
          stacktrace: { frames: [{ function: 'chargeCard', in_app: true, filename: '/srv/app/pay.js' }] },
        },
      ],
    },
    tags: { route: '/pay', customer: 'jane@example.com' },
    request: {
      headers: { authorization: 'Bearer sk_live_51HxSecretKey0000000000' },
      data: '{"password":"hunter2"}',
    },
  };
}

const smtp = await startSmtpServer();
const slack = await slackReceiver();
afterAll(async () => {
  slack.close();
  await smtp.close();
});

it('a burst of 11 errors becomes one Slack message and one email, with no secret in either', async () => {
  const scrubber = createScrubber();
  const engine = createAlertEngine({
    notifiers: [
      new SlackNotifier({ webhookUrl: slack.url }),
      new EmailNotifier({ smtpUrl: smtp.url(), from: 'alerts@acme.com', to: ['oncall@acme.com'] }),
    ],
    burst: { threshold: 10, windowMs: 60_000 },
    batchWaitMs: 50,
    tickMs: 20,
  });
  for (let index = 0; index < 30; index++) engine.observe(scrubber.scrubEvent(paymentError(index))!);
  expect(await engine.flush(10_000)).toBe(true);
  await engine.close(5000);

  expect(slack.bodies).toHaveLength(1);
  expect(smtp.mails).toHaveLength(1);
  const slackMessage = slack.bodies[0]!;
  const raw = smtp.mails[0]!.raw;
  const parsed = parseMail(raw);
  const mail = `${raw}\n${parsed.subject}\n${parsed.text ?? ''}\n${parsed.html ?? ''}`;
  expect(slackMessage).toContain('PaymentError');
  expect(parsed.subject).toMatch(/^\[production\] \d+× PaymentError in chargeCard/);
  for (const secret of SECRETS) {
    expect(slackMessage).not.toContain(secret);
    expect(mail).not.toContain(secret);
  }
  expect(mail).not.toContain('secretWebhookToken');
});

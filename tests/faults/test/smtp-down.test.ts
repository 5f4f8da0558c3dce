import { freePort } from '@faultline/test-servers';
import { expect, it, onTestFinished } from 'vitest';
import { startApp } from './support/app.js';
import { SMTP_DOWN_MS, SOAK, TEST_TIMEOUT_MS } from './support/durations.js';
import { normalStatus, startLoad } from './support/load.js';
import { sleep, waitUntil } from './support/processes.js';
import { useReceiver } from './support/receiver.js';
import { countBy } from './support/slack.js';
import { smtpStandIn } from './support/smtp.js';

/** Errors in the burst: one more than the default threshold of 10 in 60 s. */
const BURST = 11;
/** How long the email may take once SMTP is up (the notifier's backoff reaches 8–16 s): a hang detector. */
const DELIVERY_DEADLINE_MS = 40_000;
/** After the email arrived, how long to watch for a second copy before closing the app. */
const WATCH_FOR_DUPLICATES_MS = 2_000;

const sentry = useReceiver();

it(
  'SMTP is down, then up: the alert email arrives once',
  async () => {
    const smtp = smtpStandIn(await freePort()); // down: nothing listens on its port yet
    onTestFinished(() => smtp.down());
    const app = await startApp({
      SENTRY_DSN: sentry.current.dsn,
      SMTP_URL: smtp.url,
      SENTRY_ALERT_EMAIL_RECIPIENTS: 'oncall@example.com',
      SENTRY_ALERT_EMAIL_FROM: 'Faultline <alerts@example.com>',
      SENTRY_ENVIRONMENT: 'faults',
    });
    const upAt = Date.now() + SMTP_DOWN_MS;
    const load = startLoad({
      base: app.url,
      path: () => '/fail/Mail',
      expected: normalStatus,
      concurrency: 4,
      count: BURST,
    });
    const burst = await load.done;
    expect(burst.unexpected).toEqual([]);
    await sleep(Math.max(0, upAt - Date.now()));
    await smtp.up();

    await waitUntil(
      'the alert email arrived',
      () => smtp.mails.length > 0,
      DELIVERY_DEADLINE_MS,
      () => app.stderr(),
    );
    await sleep(WATCH_FOR_DUPLICATES_MS);
    const closed = await app.close();
    const mail = smtp.mails[0]!;
    console.log(
      `[faults] smtp-down${SOAK ? ' (soak)' : ''}: SMTP down ${SMTP_DOWN_MS / 1000} s, ` +
        `${smtp.mails.length} email(s) for ${Object.keys(countBy(smtp.mails, (m) => m.alertId)).length} alert(s), ` +
        `arrived ${((mail.at - upAt) / 1000).toFixed(1)} s after SMTP came up`,
    );
    expect(closed.code).toBe(0);
    expect(smtp.mails).toHaveLength(1);
    expect(mail.alertId).toMatch(/^[0-9a-f-]{36}$/);
    expect(mail.bodyAlertId).toBe(mail.alertId);
    expect(mail.raw).toContain('FaultMailError');
    expect(mail.raw).not.toContain('4111 1111 1111 1111');
    expect(app.stderr()).not.toContain('alert email not delivered');
  },
  TEST_TIMEOUT_MS,
);

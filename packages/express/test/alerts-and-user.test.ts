/**
 * A real AlertEngine of @faultline/alerts fed by requestHandler({ alerts }), and a user function
 * that returns the email and the IP: the scrubber redacts both.
 */
import {
  type EnvelopeViews,
  findSecrets,
  type LoopbackReceiver,
  startLoopbackReceiver,
} from '@faultline/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App, type AppReport, eventsAbout, recorded } from './e2e/harness.js';
import { SECRETS } from './e2e/requests.js';

describe('requestHandler({ alerts: engine, user })', () => {
  let receiver: LoopbackReceiver;
  let report: AppReport;
  let sent: EnvelopeViews;

  beforeAll(async () => {
    receiver = await startLoopbackReceiver();
    const app = await App.start(receiver.dsn, { USER_MAPPER: 'custom', ALERT_MIN_REQUESTS: '10' });
    for (let index = 0; index < 9; index++) expect((await app.request(`/api/ok/${index}`)).status).toBe(200);
    const failed = await app.request('/api/users/u-10', {
      headers: { 'x-test-user': 'jane', 'x-real-ip': '203.0.113.9' },
    });
    expect(failed.status).toBe(500);
    report = await app.stop();
    sent = await recorded(receiver);
  });
  afterAll(async () => {
    await receiver?.close();
  });

  it('feeds the error-rate rule: 1 error in 10 requests alerts once the 10th request is counted', () => {
    expect(report.recordRequests).toBe(10);
    expect(report.alerts).toEqual([
      expect.objectContaining({
        kind: 'error-rate',
        groups: [expect.objectContaining({ count: 1, requests: 10 })],
      }),
    ]);
  });

  it('sends what the user function returns, with the email and the IP redacted', () => {
    const [event] = eventsAbout(sent, 'user lookup failed for u-10');
    expect(event.user).toEqual({ id: 'u-123', email: '[Filtered]', ip_address: null });
    expect(findSecrets(event, { email: SECRETS.email, ip: '203.0.113.9' })).toEqual([]);
  });
});

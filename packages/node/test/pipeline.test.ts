import {
  assertNoSecrets,
  findSecrets,
  type LoopbackReceiver,
  plantedSecrets,
  startLoopbackReceiver,
} from '@faultline/testkit';
import type { Event } from '@sentry/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunOptions, run } from './e2e/run.js';
import { API_SECRETS, CALLBACK_SECRETS, KEPT } from './e2e/secrets.js';

const definitions = (secrets: Record<string, string>) =>
  Object.entries(secrets).map(([name, value]) => ({ name, value }));
const ALL_SECRETS = [...plantedSecrets(), ...definitions(API_SECRETS), ...definitions(CALLBACK_SECRETS)];

let receiver: LoopbackReceiver;
beforeAll(async () => {
  receiver = await startLoopbackReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => receiver.reset());

const exceptionValue = (event: Event) => event.exception?.values?.[0]?.value;

/** Runs scenario.mjs against the receiver and returns its report. */
async function scenario(options: RunOptions, lifecycle?: 'static') {
  const result = await run('scenario.mjs', {
    ...options,
    env: {
      SENTRY_DSN: receiver.dsn,
      SENTRY_TRACES_SAMPLE_RATE: '1',
      SENTRY_ENVIRONMENT: 'e2e',
      APP_VERSION: 'shop@1.2.3',
      ...(lifecycle ? { LIFECYCLE: lifecycle } : {}),
      ...options.env,
    },
  });
  expect(result.code, result.stderr).toBe(0);
  expect(result.report.closed).toBe(true);
  return result.report as { eventIds: Record<string, string> };
}

const setups: Array<[string, RunOptions, 'static' | undefined]> = [
  ['@sentry/node 11, streamed spans, --import', { instrument: true }, undefined],
  ['@sentry/node 11, static lifecycle, --import', { instrument: true }, 'static'],
  ['@sentry/node 10, --import', { instrument: true, sentryV10: true }, undefined],
];

describe.each(setups)('the pipeline on %s', (_name, options, lifecycle) => {
  it('sends no planted secret on any path, and keeps the ordinary data', async () => {
    const { eventIds } = await scenario(options, lifecycle);
    const envelopes = await receiver.envelopes();
    assertNoSecrets(envelopes, ALL_SECRETS);

    const events = await receiver.events();
    const byId = new Map(events.map((event) => [event.event_id, event]));
    // every capture arrived, under the id ErrorTracker returned
    for (const [name, id] of Object.entries(eventIds)) expect(byId.has(id), name).toBe(true);

    const database = byId.get(eventIds.database)!;
    expect(database.fingerprint).toEqual(['database', 'postgres', 'INSERT', '23505']);
    expect(database.environment).toBe('e2e');
    expect(database.release).toBe('shop@1.2.3');
    // null, not absent: Sentry must not fill in the IP address of the connection
    expect(database.user).toEqual({
      id: KEPT.userId,
      username: KEPT.username,
      email: '[Filtered]',
      ip_address: null,
    });
    expect(database.tags).toMatchObject({ region: KEPT.tag, session_token: '[Filtered]' });
    expect(database.contexts?.order).toMatchObject({ id: KEPT.contextField });
    expect(database.breadcrumbs?.map((crumb) => crumb.category)).toContain('auth');

    const own = byId.get(eventIds.ownFingerprint)!;
    expect(own).toMatchObject({ fingerprint: ['billing', 'quota'], level: 'warning', tags: { plan: 'pro' } });
    expect(own.user).toMatchObject({ id: 'user-2', email: '[Filtered]' });
    expect(byId.get(eventIds.message)).toMatchObject({
      message: 'nightly export finished',
      level: 'warning',
    });
    const password = byId.get(eventIds.password)!;
    expect(password).toMatchObject({ level: 'error', contexts: { details: { password: '[Filtered]' } } });
    expect(exceptionValue(password)).toBe('login failed for jane: password=[Filtered]');
    expect(exceptionValue(byId.get(eventIds.email ?? '') ?? {})).not.toContain('@');

    const spans = await receiver.spans();
    expect(spans.map((span) => span.name)).toEqual(expect.arrayContaining(['checkout', KEPT.span]));
    const lookup = spans.find((span) => span.name === KEPT.span)!;
    expect(lookup.attributes['db.system']).toBe('postgresql');
    const transactions = await receiver.transactions();
    expect(transactions.map((event) => event.transaction)).toEqual(
      lifecycle === 'static' || options.sentryV10 ? ['checkout'] : [],
    );
    const logs = await receiver.logs();
    expect(logs.map((log) => log.body)).toContain(`${KEPT.logText}, receipt to [Filtered]`);
  });
});

describe('the control run, with scrubbing switched off', () => {
  it('lets the planted secrets through, so the tests above can fail', async () => {
    const { stderr } = await run('scenario.mjs', {
      instrument: true,
      env: { SENTRY_DSN: receiver.dsn, SENTRY_TRACES_SAMPLE_RATE: '1', FAULTLINE_SCRUB_ENABLED: 'false' },
    });
    expect(stderr).toContain('FAULTLINE_SCRUB_ENABLED=false: events are sent to Sentry unscrubbed.');
    const leaked = new Set(
      findSecrets(await receiver.envelopes(), ALL_SECRETS).map((finding) => finding.name),
    );
    expect([...leaked].sort()).toEqual(ALL_SECRETS.map((secret) => secret.name).sort());
  });
});

describe('the pipeline without preloading', () => {
  it('works when init() runs in the app itself (ESM, Sentry 11)', async () => {
    const { eventIds } = await scenario({ env: { INIT: 'here' } });
    assertNoSecrets(await receiver.envelopes(), [...plantedSecrets(), ...definitions(API_SECRETS)]);
    expect((await receiver.events()).map((event) => event.event_id)).toEqual(
      expect.arrayContaining(Object.values(eventIds)),
    );
  });

  it('works in a CommonJS app that requires Faultline first, Express after', async () => {
    const { report, code, stderr } = await run('app.cjs', { env: { SENTRY_DSN: receiver.dsn } });
    expect(code, stderr).toBe(0);
    expect(report).toMatchObject({ status: 500, closed: true });
    const views = await receiver.waitFor((seen) => seen.events().length >= 2);
    const events = views.events();
    assertNoSecrets(views.envelopes, { card: '4111 1111 1111 1111', apiKey: 'qk-5f4e3d2c1b0a99887766' });
    expect(events.map(exceptionValue).sort()).toEqual([
      'handled in cjs',
      'order 42 failed for card [Filtered]',
    ]);
    expect(events.find((event) => event.event_id === report.handled)?.tags).toMatchObject({ module: 'cjs' });
  });
});

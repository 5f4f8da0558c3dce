import type { Client, ErrorEvent, Event, Integration } from '@sentry/core';
import { createTransport } from '@sentry/core';
import { ServerRuntimeClient } from '@sentry/core/server';
import { afterEach, describe, expect, it } from 'vitest';
import { alertsIntegration, createAlertEngine } from '../src/index.js';
import { RecordingNotifier } from './helpers.js';

const SECRET = 'hunter2-planted-secret';

/** Stands in for scrubIntegration: filters the secret on `beforeSendEvent`, registered in its own setup. */
const fakeScrub: Integration = {
  name: 'FakeScrub',
  setup(client: Client) {
    client.on('beforeSendEvent', (event) => {
      const exception = event.exception?.values?.[0];
      if (exception?.value) exception.value = exception.value.replaceAll(SECRET, '[Filtered]');
    });
  },
};

const clients: ServerRuntimeClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close(1_000)));
});

function sentryClient(integrations: Integration[], beforeSend?: (event: ErrorEvent) => ErrorEvent | null) {
  const sent: Event[] = [];
  const client = new ServerRuntimeClient({
    dsn: 'https://public@sentry.example/1',
    integrations,
    stackParser: () => [],
    transport: (options) => createTransport(options, async () => ({ statusCode: 200 })),
    beforeSend: beforeSend ? (event) => beforeSend(event) : undefined,
  });
  client.on('afterSendEvent', (event) => sent.push(event));
  client.init();
  clients.push(client);
  return client;
}

async function capture(client: ServerRuntimeClient, count: number, message: string) {
  for (let index = 0; index < count; index++) client.captureException(new Error(message));
  await client.flush(2_000);
}

describe('alertsIntegration', () => {
  it('observes the event after every integration and beforeSend: alerts see the scrubbed event', async () => {
    const notifier = new RecordingNotifier();
    // listed before the scrubber on purpose: the hook is registered after every integration's setup
    const alerts = alertsIntegration({ notifiers: [notifier], batchWaitMs: 0, errorRate: false });
    const client = sentryClient([alerts, fakeScrub], (event) => ({
      ...event,
      tags: { seenBy: 'beforeSend' },
    }));
    await capture(client, 11, `login failed password=${SECRET}`);
    await alerts.engine.flush(2_000);
    expect(notifier.alerts).toHaveLength(1);
    const group = notifier.alerts[0]!.groups[0]!;
    expect(group).toMatchObject({ title: 'Error: login failed password=[Filtered]', count: 11 });
    expect(group.tags).toEqual({ seenBy: 'beforeSend' });
    expect(JSON.stringify(notifier.alerts)).not.toContain(SECRET);
  });

  it('does not count events that beforeSend dropped', async () => {
    const notifier = new RecordingNotifier();
    const alerts = alertsIntegration({ notifiers: [notifier], batchWaitMs: 0, errorRate: false });
    const client = sentryClient([alerts], () => null);
    await capture(client, 20, 'dropped');
    await alerts.engine.flush(2_000);
    expect(notifier.alerts).toEqual([]);
  });

  it('flushes the engine on client.flush() and closes the engine it created on client.close()', async () => {
    const notifier = new RecordingNotifier();
    const alerts = alertsIntegration({ notifiers: [notifier], batchWaitMs: 60_000, errorRate: false });
    const client = sentryClient([alerts]);
    for (let index = 0; index < 11; index++) client.captureException(new Error('boom'));
    await client.close(2_000);
    await alerts.engine.flush(2_000);
    expect(notifier.alerts).toHaveLength(1);
    client.captureException(new Error('after close'));
    expect(await alerts.engine.close()).toBe(true);
  });

  it('takes an engine you created and leaves it open on client.close()', async () => {
    const notifier = new RecordingNotifier();
    const engine = createAlertEngine({ notifiers: [notifier], batchWaitMs: 0, errorRate: false });
    const integration = alertsIntegration({ engine });
    expect(integration.name).toBe('FaultlineAlerts');
    expect(integration.engine).toBe(engine);
    const client = sentryClient([integration]);
    await client.close(1_000);
    for (let index = 0; index < 11; index++) engine.observe({ level: 'error', message: 'still open' });
    await engine.flush();
    expect(notifier.alerts).toHaveLength(1);
    await engine.close();
  });

  it('counts in processEvent when the client has no hooks', () => {
    const seen: Event[] = [];
    const engine = {
      observe: (event: Event) => seen.push(event),
      recordRequests() {},
      flush: async () => true,
      close: async () => true,
    };
    const integration = alertsIntegration({ engine });
    integration.afterAllSetup?.({} as Client);
    const event: Event = { message: 'x' };
    expect(integration.processEvent?.(event, {}, {} as Client)).toBe(event);
    expect(seen).toEqual([event]);
  });
});

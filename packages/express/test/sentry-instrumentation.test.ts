/**
 * The app started with `--import instrument.mjs`: Sentry is initialized before Express is loaded,
 * so @sentry/node 11's own Express instrumentation works and captures errors itself. With the
 * adapter as well, each error must still arrive once, with the adapter's user, tag and scrubbing.
 */
import {
  type EnvelopeViews,
  findSecrets,
  type LoopbackReceiver,
  startLoopbackReceiver,
} from '@faultline/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App, errorEvents, eventsAbout, recorded, rootNames } from './e2e/harness.js';
import { FAILURES, SECRETS, sendAll } from './e2e/requests.js';

describe.each(['express', 'express4'] as const)(
  '%s with @sentry/node 11 instrumentation active',
  (EXPRESS) => {
    let receiver: LoopbackReceiver;
    let alone: EnvelopeViews;
    let both: EnvelopeViews;
    let stderr: string;

    beforeAll(async () => {
      receiver = await startLoopbackReceiver();
      const control = await App.start(
        receiver.dsn,
        { EXPRESS, SETUP: 'sentry-only' },
        { instrumented: true },
      );
      await sendAll(control);
      await control.stop();
      alone = await recorded(receiver);
      await receiver.reset();
      const app = await App.start(receiver.dsn, { EXPRESS }, { instrumented: true });
      await sendAll(app);
      await app.stop();
      stderr = app.stderr;
      both = await recorded(receiver);
    });
    afterAll(async () => {
      await receiver?.close();
    });

    it('control: Sentry alone captures each error once, and sends the body password and the IP', () => {
      for (const [, text] of FAILURES) expect(eventsAbout(alone, text), text).toHaveLength(1);
      const [post] = eventsAbout(alone, 'update failed for 2 fields');
      expect(JSON.stringify(post.request)).toContain(SECRETS.password);
      expect(post.user).toEqual({ ip_address: '127.0.0.1' });
    });

    it.each(FAILURES)(
      'with the adapter, the %s error still arrives once, named %#',
      (_name, text, transaction) => {
        const events = eventsAbout(both, text);
        expect(events).toHaveLength(1);
        expect(events[0].transaction).toBe(transaction);
      },
    );

    it("leaves the capture to Sentry's instrumentation, and adds the user, the route tag and the scrubbing", () => {
      expect(errorEvents(both)).toHaveLength(FAILURES.length + 1);
      const [sync] = eventsAbout(both, 'user lookup failed for sync-1');
      expect(sync.exception.values.at(-1).mechanism.type).toBe('auto.http.express');
      expect(sync.user).toEqual({ id: 'u-123', username: 'jane', ip_address: null });
      expect(sync.tags.route).toBe('/api/users/:id');
      expect(findSecrets(errorEvents(both), SECRETS)).toEqual([]);
    });

    it('keeps the route names, and prints no warning', () => {
      expect(rootNames(both)).toEqual(expect.arrayContaining(['GET /api/users/:id', 'POST /api/users/:id']));
      expect(stderr).not.toContain('[@faultline/express]');
    });
  },
);

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Alert,
  type AlertEngine,
  type AlertEngineOptions,
  type AlertErrorContext,
  type AlertStore,
  createAlertEngine,
  type Event,
  memoryStore,
  type Notifier,
} from '../src/index.js';
import { burst, Clock, errorEvent, RecordingNotifier, sleep } from './helpers.js';

const engines: AlertEngine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.close(1_000)));
});

function setup(options: Partial<AlertEngineOptions> = {}) {
  const notifier = new RecordingNotifier();
  const clock = new Clock();
  const failures: [unknown, AlertErrorContext][] = [];
  const engine = createAlertEngine({
    notifiers: [notifier],
    tickMs: 60_000,
    now: clock.now,
    onError: (error, context) => failures.push([error, context]),
    ...options,
  });
  engines.push(engine);
  return { engine, clock, failures, alerts: notifier.alerts };
}

/** A notifier that fails: by throwing, or by rejecting. */
class BrokenNotifier implements Notifier {
  calls = 0;
  constructor(
    readonly name: string,
    private readonly how: 'throw' | 'reject',
  ) {}
  notify(_alert: Alert): Promise<void> {
    this.calls++;
    if (this.how === 'throw') throw new Error('webhook misconfigured');
    return Promise.reject(new Error('503 from Slack'));
  }
}

/** A store that is down while `down` is true, then the memory store it wraps. */
class FlakyStore implements AlertStore {
  readonly name = 'flaky';
  down = true;
  private readonly inner = memoryStore();
  add: AlertStore['add'] = (entries, now, rule) =>
    this.down ? Promise.reject(new Error('ECONNREFUSED')) : this.inner.add(entries, now, rule);
  addRate: AlertStore['addRate'] = (requests, errors, now, rule) =>
    this.down ? Promise.reject(new Error('ECONNREFUSED')) : this.inner.addRate(requests, errors, now, rule);
}

describe('observe never throws', () => {
  it('on any value at all', async () => {
    const { engine } = setup();
    fc.assert(
      fc.property(
        fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true }),
        (junk) => {
          engine.observe(junk as Event);
          engine.recordRequests(junk as number);
        },
      ),
      { numRuns: 2_000 },
    );
    fc.assert(
      fc.property(
        fc.record({
          level: fc.anything(),
          exception: fc.anything(),
          fingerprint: fc.anything(),
          tags: fc.anything(),
        }),
        (junk) => {
          engine.observe(junk as Event);
        },
      ),
      { numRuns: 2_000 },
    );
    expect(await engine.flush(5_000)).toBe(true);
  });

  it('on events whose getters throw: reported, not thrown', async () => {
    const { engine, failures } = setup();
    const hostile = {
      get exception(): never {
        throw new Error('getter');
      },
    } as Event;
    expect(() => engine.observe(hostile)).not.toThrow();
    expect(failures.map(([, context]) => context.phase)).toEqual(['observe']);
  });

  it('when onError itself throws', () => {
    const engine = createAlertEngine({
      notifiers: [],
      onError: () => {
        throw new Error('logger down');
      },
    });
    engines.push(engine);
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
      },
    ) as Event;
    expect(() => engine.observe(hostile)).not.toThrow();
  });
});

describe('failing notifiers and stores', () => {
  it('reports a notifier that throws or rejects, still delivers to the others, and keeps working', async () => {
    const thrower = new BrokenNotifier('thrower', 'throw');
    const rejecter = new BrokenNotifier('rejecter', 'reject');
    const good = new RecordingNotifier();
    const { engine, failures, clock } = setup({ notifiers: [thrower, rejecter, good] });
    burst(engine, 11);
    await engine.flush();
    expect(good.alerts).toHaveLength(1);
    expect(failures.map(([error, context]) => [(error as Error).message, context])).toEqual([
      ['webhook misconfigured', { phase: 'notify', notifier: 'thrower', alertId: good.alerts[0]!.id }],
      ['503 from Slack', { phase: 'notify', notifier: 'rejecter', alertId: good.alerts[0]!.id }],
    ]);
    clock.advance(31 * 60_000);
    burst(engine, 11);
    await engine.flush();
    expect(good.alerts).toHaveLength(2);
    expect([thrower.calls, rejecter.calls]).toEqual([2, 2]);
  });

  it('keeps the counts while the store is down and applies them once it is back', async () => {
    const store = new FlakyStore();
    const { engine, failures, alerts } = setup({ store, errorRate: { minRequests: 10 } });
    burst(engine, 6);
    engine.recordRequests(10);
    expect(await engine.flush()).toBe(false);
    burst(engine, 5);
    expect(await engine.flush()).toBe(false);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every(([, context]) => context.phase === 'store')).toBe(true);
    store.down = false;
    expect(await engine.flush()).toBe(true);
    expect(alerts.map((alert) => [alert.kind, alert.groups[0]!.count]).sort()).toEqual([
      ['burst', 11],
      ['error-rate', 11],
    ]);
  });

  it('flush gives up after its timeout when a notifier hangs', async () => {
    const hanging: Notifier = { name: 'hanging', notify: () => new Promise(() => {}) };
    const { engine } = setup({ notifiers: [hanging] });
    burst(engine, 11);
    const started = Date.now();
    expect(await engine.flush(100)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('waits for notifiers’ own flush', async () => {
    let flushedWith: number | undefined;
    const queued: Notifier = {
      name: 'queued',
      notify: async () => {},
      flush: async (timeoutMs) => {
        flushedWith = timeoutMs;
        await sleep(20);
        return true;
      },
    };
    const { engine } = setup({ notifiers: [queued] });
    expect(await engine.flush(2_000)).toBe(true);
    expect(flushedWith).toBe(2_000);
  });

  it('ignores events after close, and close can be called twice', async () => {
    const { engine, alerts } = setup();
    burst(engine, 5);
    expect(await engine.close()).toBe(true);
    burst(engine, 50);
    expect(await engine.close()).toBe(true);
    expect(alerts).toEqual([]);
  });
});

describe('alerts carry only the summary of the scrubbed event', () => {
  it('never a field that is not summarized', async () => {
    const { engine, alerts } = setup({ errorRate: { minRequests: 1 } });
    const secret = 'sk_live_51HplantedSECRETvalue0000';
    engine.recordRequests(1);
    for (let index = 0; index < 11; index++)
      engine.observe(
        errorEvent({
          extra: {
            request: {
              url: 'https://shop/pay',
              headers: { authorization: `Bearer ${secret}` },
              data: { card: secret },
            },
            user: { id: '42', email: `${secret}@example.com` },
            extra: { token: secret },
            contexts: { db: { password: secret } },
            breadcrumbs: [{ message: secret }],
            sdkProcessingMetadata: { secret },
          },
        }),
      );
    await engine.flush();
    expect(alerts.map((alert) => alert.kind).sort()).toEqual(['burst', 'error-rate']);
    const json = JSON.stringify(alerts);
    expect(json).not.toContain('sk_live');
    expect(json).not.toContain('example.com');
    expect(json).toContain('PaymentError: card declined for [Filtered]');
  });
});

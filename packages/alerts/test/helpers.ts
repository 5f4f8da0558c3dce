import type { Alert, Event, Notifier } from '../src/index.js';

/** A fixed start time, aligned to every bucket size the tests use. */
export const T0 = 1_800_000_000_000;

/** A real notifier that keeps a copy of every alert it is given. */
export class RecordingNotifier implements Notifier {
  readonly alerts: Alert[] = [];
  constructor(readonly name = 'recording') {}
  async notify(alert: Alert): Promise<void> {
    this.alerts.push(structuredClone(alert));
  }
}

/** A clock the tests move by hand. */
export class Clock {
  constructor(public time = T0) {}
  readonly now = () => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface EventSpec {
  type?: string;
  value?: string;
  fn?: string;
  level?: Event['level'];
  fingerprint?: string[];
  extra?: Partial<Event>;
}

let sequence = 0;

/** An error event as `@sentry/node` builds it: exception with an in-app frame innermost-last. */
export function errorEvent(spec: EventSpec = {}): Event {
  sequence++;
  const event: Event = {
    event_id: sequence.toString(16).padStart(32, '0'),
    level: spec.level ?? 'error',
    platform: 'node',
    environment: 'production',
    release: 'shop@1.2.3',
    server_name: 'web-1',
    tags: { route: '/pay' },
    exception: {
      values: [
        {
          type: spec.type ?? 'PaymentError',
          value: spec.value ?? 'card declined for [Filtered]',
          stacktrace: {
            frames: [
              { function: 'processTicksAndRejections', in_app: false },
              { function: spec.fn ?? 'chargeCard', in_app: true },
              { function: 'Stripe.request', in_app: false },
            ],
          },
        },
      ],
    },
    ...spec.extra,
  };
  if (spec.fingerprint) event.fingerprint = spec.fingerprint;
  return event;
}

/** Calls `observe` for `count` fresh events of `spec`. */
export function burst(engine: { observe(event: Event): void }, count: number, spec: EventSpec = {}): void {
  for (let index = 0; index < count; index++) engine.observe(errorEvent(spec));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

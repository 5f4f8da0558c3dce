import type { EnvelopeViews, PlantedSecret } from '@faultline/testkit';
import type { Event } from '@sentry/node';
import type { ExpectedEvent } from './expected.js';
import type { EventExplanation } from './ipc.js';
import type { Scenario } from './scenario.js';
import type { StepResult } from './send-steps.js';
import type { SlackPost } from './stand-ins/slack.js';
import type { ReceivedMail } from './stand-ins/smtp.js';

/** Everything one run of the scenario produced: what the checks judge and the report shows. */
export interface Observation {
  mode: 'stand-ins' | 'real';
  /** The Redis the app used, or why there was none. */
  redis: { url: string } | { skipped: string };
  scenario: Scenario;
  secrets: readonly PlantedSecret[];
  responses: StepResult[];
  /** `explain()` of each error event, as the server computed it. */
  explanations: EventExplanation[];
  failedJobs: Array<{ id: string; name: string }>;
  serverExitCode: number | null;
  /** What reached the loopback receiver (stand-ins only). */
  wire: EnvelopeViews | undefined;
  slackPosts: SlackPost[];
  mails: ReceivedMail[];
}

/** What identifies one expected kind of event: its exception type, and its transaction or queue. */
export type EventKind = Pick<ExpectedEvent, 'type' | 'transaction' | 'queue'>;

/** Where an event of `kind` comes from, for people: `POST /api/orders`, `queue emails`. */
export function originOf(kind: EventKind): string {
  return kind.transaction ?? `queue ${kind.queue}`;
}

function isOfKind(
  kind: EventKind,
  type: string | undefined,
  transaction: string | undefined,
  tags: Record<string, unknown> | undefined,
): boolean {
  if (type !== kind.type) return false;
  return kind.queue === undefined ? transaction === kind.transaction : tags?.queue === kind.queue;
}

/** The error events of one expected kind. */
export function eventsOf(events: readonly Event[], kind: EventKind): Event[] {
  return events.filter((event) => {
    const values = event.exception?.values ?? [];
    return isOfKind(kind, values[values.length - 1]?.type, event.transaction, event.tags);
  });
}

/** The explanations of the events of one expected kind. */
export function explanationsOf(
  explanations: readonly EventExplanation[],
  kind: EventKind,
): EventExplanation[] {
  return explanations.filter((each) => isOfKind(kind, each.type, each.transaction, each.tags));
}

/** True when the app had Redis (the product cache and the `emails` queue). */
export function usedRedis(observation: Pick<Observation, 'redis'>): boolean {
  return 'url' in observation.redis;
}

import { findSecrets, type SecretFinding } from '@faultline/testkit';
import type { Event } from '@sentry/node';
import { ROUTES } from './expected.js';
import { masked } from './mask.js';
import { eventsOf, explanationsOf, type Observation, originOf, usedRedis } from './observation.js';
import { readMail } from './stand-ins/mail-text.js';

/** Every place a planted secret reached: Sentry's envelopes, the Slack posts, the emails (raw and decoded). */
export function findLeaks(observation: Observation): SecretFinding[] {
  const { secrets, wire, slackPosts, mails } = observation;
  const inMails = mails.map((mail) => ({ raw: mail.raw, ...readMail(mail.raw) }));
  const prefixed = (findings: SecretFinding[], where: string) =>
    findings.map((finding) => ({ ...finding, path: `${where}${finding.path.replace(/^\$/, '')}` }));
  return [
    ...(wire ? findSecrets(wire, secrets) : []),
    ...prefixed(findSecrets(slackPosts, secrets), 'slack'),
    ...prefixed(findSecrets(inMails, secrets), 'email'),
  ];
}

/** Secrets the scenario never sent to the app: a "not found" for them would prove nothing. */
function unplanted(observation: Observation): string[] {
  const { scenario, secrets, responses } = observation;
  const steps = responses.map(({ step }) => step);
  const sent = findSecrets({ steps, env: scenario.serverEnv }, secrets);
  const names = new Set(sent.map((finding) => finding.name));
  return secrets.filter((secret) => !names.has(secret.name)).map((secret) => secret.name);
}

const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const show = (fingerprint: readonly string[] | undefined) =>
  fingerprint ? `[${fingerprint.join(', ')}]` : 'none (default grouping)';

/** Each expected event arrived as often as expected, each with the expected fingerprint. */
function groupingFailures(observation: Observation, events: readonly Event[] | undefined): string[] {
  const failures: string[] = [];
  for (const expected of observation.scenario.expected) {
    if (expected.needsRedis && !usedRedis(observation)) continue;
    const { label, type, count, fingerprint } = expected;
    const fingerprints = events
      ? eventsOf(events, expected).map((event) => event.fingerprint)
      : explanationsOf(observation.explanations, expected).map((each) => each.fingerprint);
    if (fingerprints.length !== count)
      failures.push(
        `${label}: ${fingerprints.length} ${type} event(s) from ${originOf(expected)}, expected ${count}`,
      );
    for (const actual of fingerprints.filter((each) => !same(each, fingerprint)))
      failures.push(`${label}: fingerprint ${show(actual)}, expected ${show(fingerprint)}`);
  }
  return failures;
}

function firstEvent(events: readonly Event[], type: string, transaction: string): Event | undefined {
  return eventsOf(events, { type, transaction })[0];
}

/** Ordinary data must survive scrubbing: route names, methods, non-secret query and body fields. */
function ordinaryFieldFailures(observation: Observation): string[] {
  const wire = observation.wire!;
  const events = wire.events();
  const failures: string[] = [];
  const roots = new Set(
    wire
      .spans()
      .filter((span) => span.isSegment)
      .map((span) => span.name),
  );
  for (const route of ROUTES.filter((each) => usedRedis(observation) || !each.needsRedis))
    if (!roots.has(route.name)) failures.push(`no transaction named "${route.name}" arrived`);
  const order = firstEvent(events, 'DatabaseError', 'POST /api/orders');
  if (order?.request?.method !== 'POST') failures.push('the order event lost its request method');
  if (!JSON.stringify(order?.request?.data ?? '').includes('GRINDER-01'))
    failures.push('the order event lost its (non-secret) sku');
  const quote = firstEvent(events, 'TypeError', 'GET /api/shipping/quote');
  if (!quote?.request?.query_string?.toString().includes('postcode=10115'))
    failures.push('the shipping event lost its (non-secret) postcode query parameter');
  const checkout = firstEvent(events, 'PaymentDeclinedError', 'POST /api/checkout');
  if (!JSON.stringify(checkout?.request?.data ?? '').includes('4990'))
    failures.push('the checkout event lost its (non-secret) amount');
  return failures;
}

/** The burst alert: exactly one Slack message and one email, both about the declines. */
function alertFailures({ slackPosts, mails }: Observation): string[] {
  const failures: string[] = [];
  if (slackPosts.length !== 1) failures.push(`${slackPosts.length} Slack messages, expected 1 burst alert`);
  if (mails.length !== 1) failures.push(`${mails.length} emails, expected 1 burst alert`);
  if (slackPosts[0] && !slackPosts[0].raw.includes('PaymentDeclinedError'))
    failures.push('the Slack message does not name PaymentDeclinedError');
  if (mails[0] && !readMail(mails[0].raw).subject.includes('PaymentDeclinedError'))
    failures.push('the email subject does not name PaymentDeclinedError');
  return failures;
}

/** The Redis parts: the cache lookup's span and the failed job's event, with its (scrubbed) data. */
function redisFailures(observation: Observation): string[] {
  if (!usedRedis(observation)) return [];
  const failures: string[] = [];
  if (observation.failedJobs.length !== 1)
    failures.push(`${observation.failedJobs.length} failed jobs reported by the worker, expected 1`);
  if (!observation.wire) return failures;
  const cacheSpans = observation.wire.spans().filter((span) => span.op === 'cache.get');
  if (!cacheSpans.some((span) => span.name === 'GET product:42'))
    failures.push('no cache.get span "GET product:42" from @faultline/ioredis arrived');
  const [job] = eventsOf(observation.wire.events(), { type: 'Error', queue: 'emails' });
  if (job && (job.contexts?.job as { queue?: unknown } | undefined)?.queue !== 'emails')
    failures.push('the failed job event has no job context');
  return failures;
}

/**
 * The scenario held when this returns nothing: every answer as expected, the server flushed and
 * exited 0, no planted secret anywhere on the wire, every grouping as expected and, with the
 * stand-ins, ordinary data intact and exactly one burst alert on Slack and by email.
 */
export function checkObservation(observation: Observation): string[] {
  const failures = observation.responses
    .filter(({ step, status }) => status !== step.expectStatus)
    .map(({ step, status }) => `${step.name}: answered ${status}, expected ${step.expectStatus}`);
  if (observation.serverExitCode !== 0) failures.push(`the server exited with ${observation.serverExitCode}`);
  for (const name of unplanted(observation)) failures.push(`secret ${name} was never sent to the app`);
  const secretValues = new Map(observation.secrets.map((secret) => [secret.name, secret.value]));
  for (const { name, variant, path } of findLeaks(observation))
    failures.push(`secret ${name} (${masked(secretValues.get(name) ?? '')}) found ${variant} at ${path}`);
  failures.push(...groupingFailures(observation, observation.wire?.events()));
  if (observation.mode === 'stand-ins') {
    failures.push(...ordinaryFieldFailures(observation));
    failures.push(...alertFailures(observation));
  }
  failures.push(...redisFailures(observation));
  return failures;
}

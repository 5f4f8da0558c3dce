import { findSecrets } from '@faultline/testkit';
import type { Event } from '@sentry/node';
import { findLeaks } from './checks.js';
import type { DemoResult } from './demo.js';
import type { ExpectedEvent } from './expected.js';
import type { EventExplanation } from './ipc.js';
import { masked } from './mask.js';
import { eventsOf, explanationsOf, type Observation, originOf, usedRedis } from './observation.js';
import { readMail } from './stand-ins/mail-text.js';

type Reported = Omit<DemoResult, 'report'>;

/** A line of data from the wire, unless it holds a planted secret: the report never prints one. */
function safe(result: Observation, line: string): string {
  return findSecrets(line, result.secrets).length > 0 ? '(withheld: it holds a planted secret)' : line;
}

const clip = (text: string, width = 110) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

function explainLine(explanation: EventExplanation | undefined): string {
  if (!explanation) return '    explain: (no explanation received)';
  const matched = explanation.steps.find((step) => step.matched);
  if (!matched)
    return `    explain: none of the ${explanation.steps.length} rules matched: Sentry's default grouping`;
  return clip(`    explain: ${matched.rule}: ${matched.reason}`, 110);
}

function groupingLines(result: Reported, expected: ExpectedEvent): string[] {
  const events: Event[] = result.wire ? eventsOf(result.wire.events(), expected) : [];
  const explanations = explanationsOf(result.explanations, expected);
  const first = result.wire ? events[0] : explanations[0];
  const count = result.wire ? events.length : explanations.length;
  const fingerprint = first?.fingerprint ? `[${first.fingerprint.join(', ')}]` : 'default grouping';
  const kind = `${expected.type}${count > 1 ? ` ×${count}` : ''}`;
  const head = `  ${kind.padEnd(24)}${originOf(expected).padEnd(25)}${fingerprint}`;
  const id = result.wire ? events[0]?.event_id : explanations[0]?.eventId;
  const explanation = explanations.find((each) => each.eventId === id) ?? explanations[0];
  return [safe(result, clip(head, 110)), explainLine(explanation), ...idLines(result, explanations)];
}

/** With real services, the event ids to look up in Sentry, three to a line. */
function idLines(result: Reported, explanations: readonly EventExplanation[]): string[] {
  if (result.mode !== 'real') return [];
  const ids = explanations.map((each) => each.eventId);
  const lines: string[] = [];
  for (let index = 0; index < ids.length; index += 3)
    lines.push(`    ${index === 0 ? 'event ids:' : '          '} ${ids.slice(index, index + 3).join(', ')}`);
  return lines;
}

function wireLines(result: Reported): string[] {
  const wire = result.wire;
  if (!wire) return [`Sent to Sentry: ${result.explanations.length} error events (ids below)`];
  const segments = wire.spans().filter((span) => span.isSegment).length;
  return [
    `Reached "Sentry": ${wire.events().length} error events, ${segments} transactions,` +
      ` ${wire.spans().length} spans, ${wire.logs().length} logs, in ${wire.envelopes.length} envelopes`,
  ];
}

/** A checkout event as it arrived: where most of the secrets were planted. */
function checkoutLines(result: Reported): string[] {
  const checkout = { type: 'PaymentDeclinedError', transaction: 'POST /api/checkout' };
  const event = result.wire && eventsOf(result.wire.events(), checkout)[0];
  if (!event) return [];
  const headers = (event.request?.headers ?? {}) as Record<string, string>;
  const { database: _shownBelow, ...settings } = event.contexts?.settings ?? {};
  const fields: Array<[string, unknown]> = [
    ['message', event.exception?.values?.at(-1)?.value],
    ['user', event.user],
    [
      'headers',
      { authorization: headers.authorization, cookie: headers.cookie, xff: headers['x-forwarded-for'] },
    ],
    ['body', event.request?.data],
    ['tags', { customer: event.tags?.customer, route: event.tags?.route }],
    ['settings', settings],
    ['database', event.contexts?.database],
  ];
  const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  return [
    'A checkout event, as it arrived:',
    ...fields.map(([name, value]) => safe(result, clip(`  ${name.padEnd(9)}${show(value)}`, 110))),
  ];
}

function alertLines(result: Reported): string[] {
  if (result.mode === 'real')
    return ['Alerts: the burst alert went to the Slack webhook and email recipients above, where set.'];
  const [post] = result.slackPosts;
  const text = (post?.body as { text?: string } | undefined)?.text ?? '';
  const lines = [`Slack: ${result.slackPosts.length} message(s) to ${post?.path ?? 'the stand-in'}`];
  if (post) lines.push(safe(result, clip(`  ${text}`)));
  lines.push(`Email: ${result.mails.length} message(s) to ${result.mails[0]?.to.join(', ') ?? 'nobody'}`);
  const [mail] = result.mails;
  if (mail) {
    const { subject, text: body } = readMail(mail.raw);
    const firstLines = body
      .split('\n')
      .filter((line) => line.trim() !== '')
      .slice(0, 4);
    lines.push(...[`Subject: ${subject}`, ...firstLines].map((line) => safe(result, clip(`  ${line}`))));
  }
  return lines;
}

function secretLines(result: Reported): string[] {
  if (result.mode === 'real')
    return ['Planted secrets: not searched (the wire is not visible with real services)'];
  const found = new Set(findLeaks(result).map((finding) => finding.name));
  return [
    `Planted secrets (${result.secrets.length}), searched in every envelope, Slack message and email:`,
    ...result.secrets.map(({ name, value, kind }) => {
      const verdict = found.has(name) ? 'FOUND    ' : 'not found';
      const where = result.scenario.placements[name] ?? '';
      return clip(`  ${verdict}  ${`${name} (${masked(value)}, ${kind})`.padEnd(40)}${where}`, 110);
    }),
  ];
}

function verdictLines(result: Reported): string[] {
  if (result.ok) {
    const held =
      result.mode === 'real'
        ? 'every grouping as expected'
        : 'no secret on the wire, every grouping as expected, one burst alert on Slack and by email';
    return [`PASS: ${held}.`];
  }
  return [
    `FAIL (${result.failures.length}):`,
    ...result.failures.slice(0, 12).map((failure) => `  - ${clip(failure, 106)}`),
  ];
}

/** The plain-text report: where things went, what arrived, the alerts, every secret, the verdict. */
export function formatReport(result: Reported): string {
  const redisNote = usedRedis(result) ? '' : ' (Redis part skipped)';
  const steps = result.responses.length;
  const asExpected = result.responses.filter(({ step, status }) => status === step.expectStatus).length;
  const expected = result.scenario.expected.filter((each) => !each.needsRedis || usedRedis(result));
  const sections = [
    [
      `Faultline demo: an Express shop, ${result.mode === 'real' ? 'with your real services' : 'with stand-ins (no network, no account)'}${redisNote}`,
      ...result.destinations.map((line) => `  ${line}`),
      `Scenario: ${steps} requests (${asExpected} answered as expected), ${result.secrets.length} planted secrets`,
    ],
    [...wireLines(result), ...expected.flatMap((each) => groupingLines(result, each))],
    checkoutLines(result),
    alertLines(result),
    secretLines(result),
    verdictLines(result),
  ];
  return sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n');
}

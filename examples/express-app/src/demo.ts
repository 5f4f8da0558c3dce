// `pnpm demo`: runs the shop against stand-ins for Sentry, Slack and SMTP (or, with SENTRY_DSN
// set, against the real services), plays the scenario, checks it and prints the report.
import { pathToFileURL } from 'node:url';
import { type EnvelopeViews, type PlantedSecret, plantedSecrets } from '@faultline/testkit';
import { checkObservation } from './checks.js';
import { type DemoServices, startDemoServices } from './demo-services.js';
import { eventsOf, type Observation, usedRedis } from './observation.js';
import { formatReport } from './report.js';
import { buildScenario, type Scenario } from './scenario.js';
import { sendSteps } from './send-steps.js';
import { type PackageSource, type ServerProcess, startServer } from './server-process.js';
import { until } from './until.js';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Load the workspace packages from `dist/` (built; the default) or from `src/` (tests). */
  packages?: PackageSource;
  /** Where settings are read; `SENTRY_DSN` here switches to the real services. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Use Redis (`REDIS_URL`, or a local redis-server on PATH). Default true. */
  redis?: boolean;
  /** The Express module the server loads (`EXPRESS_MODULE`), e.g. `express4`. Default `express`. */
  expressModule?: string;
  /** The secrets to plant. Default `plantedSecrets()` of `@faultline/testkit`. */
  secrets?: readonly PlantedSecret[];
}

/** What a run produced, whether it held, and the report. */
export interface DemoResult extends Observation {
  ok: boolean;
  failures: string[];
  report: string;
  /** Where things were sent, for the report. */
  destinations: string[];
}

function destinationsOf(services: DemoServices): string[] {
  const { receiver, slack, smtp, env } = services;
  const redis = 'url' in services.redis ? services.redis.url : `skipped (${services.redis.skipped})`;
  if (services.mode === 'stand-ins')
    return [
      `Sentry: loopback receiver at ${receiver!.url}`,
      `Slack: stand-in at ${new URL(slack!.url).host}; email: SMTP stand-in at ${new URL(smtp!.url).host}`,
      `Redis: ${redis}${'url' in services.redis ? ' (product cache, emails queue, alert state)' : ''}`,
    ];
  const host = (value: string | undefined) => (value ? new URL(value).host : 'not configured');
  return [
    `Sentry: ${host(env.SENTRY_DSN)} (your SENTRY_DSN)`,
    `Slack: ${host(env.SENTRY_SLACK_WEBHOOK_URL)}; email: ${host(env.SMTP_URL)}`,
    `Redis: ${redis}`,
  ];
}

/** Waits until every expected event has arrived at the receiver (the server has flushed and exited). */
async function arrivals(services: DemoServices, scenario: Scenario): Promise<EnvelopeViews | undefined> {
  const { receiver } = services;
  if (!receiver) return undefined;
  const expected = scenario.expected.filter((each) => !each.needsRedis || 'url' in services.redis);
  const complete = (views: EnvelopeViews) =>
    expected.every((kind) => eventsOf(views.events(), kind).length >= kind.count);
  try {
    return await receiver.waitFor(complete, { timeoutMs: 15_000 });
  } catch {
    return receiver.waitFor(() => true); // what did arrive: the checks name what is missing
  }
}

async function play(services: DemoServices, server: ServerProcess, scenario: Scenario) {
  const redis = usedRedis(services);
  const steps = scenario.steps.filter((step) => redis || !step.needsRedis);
  const responses = await sendSteps(`http://127.0.0.1:${server.port}`, steps);
  if (redis) await until(() => server.failedJobs.length > 0, 15_000);
  const serverExitCode = await server.stop();
  const wire = await arrivals(services, scenario);
  if (services.slack && services.smtp) {
    const { slack, smtp } = services;
    await until(() => slack.posts.length > 0 && smtp.mails.length > 0, 5_000);
  }
  return { responses, serverExitCode, wire };
}

/**
 * Runs the demo end to end: starts the stand-ins (or uses the real services), the server, plays
 * the scenario, stops the server (which flushes Sentry and the alerts), checks what arrived and
 * writes the report. Never throws for a scenario that did not hold: `ok` is false and `failures`
 * says why.
 */
export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const env = options.env ?? process.env;
  const secrets = options.secrets ?? plantedSecrets();
  const services = await startDemoServices(env, { redis: options.redis ?? true });
  let server: ServerProcess | undefined;
  try {
    const scenario = buildScenario(secrets, services.alertThreshold + 1);
    server = await startServer(options.packages ?? 'dist', {
      ...services.env,
      ...scenario.serverEnv,
      ...(options.expressModule ? { EXPRESS_MODULE: options.expressModule } : {}),
    });
    const played = await play(services, server, scenario);
    const observation: Observation = {
      mode: services.mode,
      redis: services.redis,
      scenario,
      secrets,
      explanations: server.explanations,
      failedJobs: server.failedJobs,
      slackPosts: services.slack?.posts ?? [],
      mails: services.smtp?.mails ?? [],
      ...played,
    };
    const failures = checkObservation(observation);
    const result = {
      ...observation,
      ok: failures.length === 0,
      failures,
      destinations: destinationsOf(services),
    };
    return { ...result, report: formatReport(result) };
  } finally {
    server?.kill();
    await services.close();
  }
}

async function main(): Promise<void> {
  try {
    const result = await runDemo({ packages: process.env.DEMO_PACKAGES === 'source' ? 'source' : 'dist' });
    console.log(result.report);
    process.exitCode = result.ok ? 0 : 1;
  } catch (error) {
    // the demo itself could not run (a stand-in or the server did not start): not a verdict
    console.error(`The demo could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

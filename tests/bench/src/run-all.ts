/**
 * `pnpm bench:all`: every side-by-side benchmark in one run, then docs/BENCHMARKS.md. Express
 * servers, the error storm and the BullMQ workers run in their own processes; the loopback Sentry
 * receiver in another; scrub, fingerprint and alerts in this one (no SDK is loaded here, so
 * autocannon and the Slack recorder are not instrumented). BENCH_QUICK=1 for a smoke run.
 */
import { type LoopbackReceiver, startLoopbackReceiver } from '@faultline/testkit';
import { runAlerts } from './alerts.js';
import { runBullmq } from './bullmq/run-bullmq.js';
import { expressReport } from './express/express-report.js';
import { runExpress } from './express/run-express.js';
import type { ServerEnvironment } from './express/server-process.js';
import { runFingerprint } from './fingerprint.js';
import { elapsedSeconds, progress } from './progress.js';
import { writeDocument } from './report/document.js';
import type { PartResult } from './report/markdown.js';
import { runScrub } from './scrub/run-scrub.js';
import { type Part, SETTINGS, settingsPrefix } from './settings.js';
import { type SlackRecorder, startSlackRecorder } from './slack-recorder.js';
import { runStorm } from './storm.js';

const OUTPUT = new URL('../../../docs/BENCHMARKS.md', import.meta.url);

interface Services {
  receiver: LoopbackReceiver;
  slack: SlackRecorder;
  environment: ServerEnvironment;
}

const PARTS: Record<Part, (services: Services) => Promise<PartResult> | PartResult> = {
  express: async ({ receiver, environment }) => expressReport(await runExpress(environment, receiver)),
  storm: ({ receiver, environment, slack }) => runStorm(environment, receiver, slack),
  scrub: () => runScrub(),
  fingerprint: () => runFingerprint(),
  alerts: () => runAlerts(),
  bullmq: ({ receiver }) => runBullmq(receiver.dsn),
};

async function main(): Promise<void> {
  progress(`${SETTINGS.quick ? 'quick' : 'full'} run: ${SETTINGS.parts.join(', ')}`);
  const receiver = await startLoopbackReceiver();
  const slack = await startSlackRecorder();
  const services: Services = {
    receiver,
    slack,
    environment: { dsn: receiver.dsn, slackWebhookUrl: slack.url },
  };
  const results: PartResult[] = [];
  try {
    for (const part of SETTINGS.parts) {
      progress(`${part}: start`);
      results.push(await PARTS[part](services));
      await receiver.reset();
    }
  } finally {
    await slack.close();
    await receiver.close();
  }
  writeDocument(OUTPUT, {
    command: `${settingsPrefix()}pnpm bench:all`,
    quick: SETTINGS.quick,
    parts: SETTINGS.parts,
    minutes: elapsedSeconds() / 60,
    results,
  });
  progress(`wrote docs/BENCHMARKS.md in ${(elapsedSeconds() / 60).toFixed(1)} minutes`);
}

// Ctrl-C runs the 'exit' handlers too, which stop the redis-servers; the other children follow their IPC channel.
process.once('SIGINT', () => process.exit(130));
await main();

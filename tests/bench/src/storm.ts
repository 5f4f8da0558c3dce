/**
 * Memory under an error storm: a fresh Faultline standard server at 10 % tracing, every request
 * throwing (GET /api/boom/:id) for BENCH_STORM_SECONDS. The server reports its RSS, heap and
 * event-loop delay (monitorEventLoopDelay, p99 since the previous sample) over IPC, outside the
 * load; Slack alerts go to a recorder in this process. Expected: one burst alert, not thousands.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoopbackReceiver } from '@faultline/testkit';
import autocannon from 'autocannon';
import { type ServerEnvironment, ServerProcess, type ServerStats } from './express/server-process.js';
import { VARIANTS } from './express/variants.js';
import { progress } from './progress.js';
import type { PartResult } from './report/markdown.js';
import { SETTINGS } from './settings.js';
import type { SlackRecorder } from './slack-recorder.js';
import { integer, megabytes } from './stats.js';

const ALERT_WAIT_SECONDS = 5;
/** How the Slack fallback text of an error-rate alert begins; the others are burst alerts. */
const ERROR_RATE = /^\W*Error rate \d/;

interface Sample {
  moment: string;
  stats: ServerStats;
}

export async function runStorm(
  environment: ServerEnvironment,
  receiver: LoopbackReceiver,
  slack: SlackRecorder,
): Promise<PartResult> {
  const faultline = VARIANTS.find((variant) => variant.name === 'faultline')!;
  const server = await ServerProcess.start({ variant: faultline, rate: 0.1 }, environment);
  const samples: Sample[] = [];
  const seconds = SETTINGS.stormSeconds;
  let served = { total: 0, non2xx: 0, duration: seconds };
  let started = Date.now();
  try {
    await sleep(1_000);
    await server.stats(); // starts the idle window
    await sleep(2_000);
    samples.push({ moment: 'idle, before', stats: await server.stats() });
    slack.posts.length = 0;
    progress(`storm: every request throws, ${seconds} s`);
    started = Date.now();
    const load = autocannon({
      url: server.url('/api/boom/7'),
      connections: SETTINGS.connections,
      duration: seconds,
    });
    for (let index = 1; index <= SETTINGS.stormSamples; index++) {
      const at = (seconds * index) / SETTINGS.stormSamples;
      await sleep(Math.max(0, started + at * 1_000 - Date.now() - 250));
      samples.push({ moment: `storm, ${Math.round(at)} s`, stats: await server.stats() });
      await receiver.reset(); // keeps the receiver's memory bounded
    }
    const result = await load;
    served = { total: result.requests.total, non2xx: result.non2xx, duration: result.duration };
    await sleep(ALERT_WAIT_SECONDS * 1_000);
    samples.push({ moment: `idle, ${ALERT_WAIT_SECONDS} s after`, stats: await server.stats() });
    await receiver.reset();
  } finally {
    await server.stop();
  }
  const posts = slack.posts.length;
  const rate = slack.posts.filter((post) => ERROR_RATE.test(post.text)).length;
  const bursts = posts - rate;
  return {
    sections: [
      {
        title: 'Memory and event-loop delay during an error storm',
        text: [
          `Faultline standard at 10 % tracing (a fresh server), every request throwing, for ${seconds} s ` +
            `with ${SETTINGS.connections} connections. The server samples its own RSS, heap and event-loop ` +
            'delay (`perf_hooks.monitorEventLoopDelay` at 1 ms resolution, so an idle loop shows about 1 ms; p99 ' +
            'and max over the window since the previous sample) and reports them over IPC, outside the load. Slack alerts go to a recorder in the ' +
            `runner process; alerts are counted ${ALERT_WAIT_SECONDS} s after the storm.`,
          `Served: ${integer(served.total)} requests (${integer(served.total / served.duration)} req/s), ` +
            `${integer(served.non2xx)} answered 500.`,
        ],
        tables: [
          {
            headers: ['moment', 'RSS', 'heap used', 'event-loop delay p99 (ms)', 'max (ms)'],
            rows: samples.map(({ moment, stats }) => [
              moment,
              megabytes(stats.rss),
              megabytes(stats.heapUsed),
              stats.delayP99Ms.toFixed(1),
              stats.delayMaxMs.toFixed(1),
            ]),
          },
          {
            caption: `**Slack messages sent during the storm: ${posts}**`,
            headers: ['seconds after the storm began', 'message (plain-text fallback)'],
            rows: slack.posts.map((post) => [
              ((post.at - started) / 1000).toFixed(1),
              post.text.slice(0, 140),
            ]),
          },
        ],
      },
    ],
    targets: [
      {
        target: 'Error storm: one burst alert, not thousands',
        measured: `${posts} Slack message${posts === 1 ? '' : 's'}: ${bursts} burst, ${rate} error rate`,
        met: bursts === 1 && rate <= 1,
      },
    ],
  };
}

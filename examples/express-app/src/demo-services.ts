import { type LoopbackReceiver, startLoopbackReceiver } from '@faultline/testkit';
import { freePort, type LocalRedis, startLocalRedis } from './local-redis.js';
import { type SlackStandIn, startSlackStandIn } from './stand-ins/slack.js';
import { type SmtpStandIn, startSmtpStandIn } from './stand-ins/smtp.js';

/** Where the app sends: stand-ins started here, or the real services of the environment. */
export interface DemoServices {
  mode: 'stand-ins' | 'real';
  receiver?: LoopbackReceiver;
  slack?: SlackStandIn;
  smtp?: SmtpStandIn;
  /** The Redis the app uses, or why there is none. */
  redis: { url: string } | { skipped: string };
  /** Errors of one group in a minute that make a burst: yours with real services, else 5. */
  alertThreshold: number;
  /** The server's environment: Faultline's settings, REDIS_URL, and a carrier URL nothing listens on. */
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/** The settings Faultline and the shop read; in stand-in mode none is taken from the caller's environment. */
const SETTING = /^(SENTRY_|FAULTLINE_|SMTP_URL$|REDIS_URL$)/;
const STAND_IN_THRESHOLD = 5;

function withoutSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !SETTING.test(name)));
}

async function startStandIns() {
  const started = await Promise.allSettled([
    startLoopbackReceiver(),
    startSlackStandIn(),
    startSmtpStandIn(),
  ]);
  const [receiver, slack, smtp] = started;
  if (receiver.status === 'fulfilled' && slack.status === 'fulfilled' && smtp.status === 'fulfilled')
    return { receiver: receiver.value, slack: slack.value, smtp: smtp.value };
  await Promise.all(started.map((each) => (each.status === 'fulfilled' ? each.value.close() : undefined)));
  throw started.find((each) => each.status === 'rejected')?.reason;
}

async function redisFor(env: NodeJS.ProcessEnv, wanted: boolean) {
  if (!wanted) return { redis: { skipped: 'turned off' }, local: undefined };
  if (env.REDIS_URL) return { redis: { url: env.REDIS_URL }, local: undefined };
  const local: LocalRedis | undefined = await startLocalRedis();
  if (!local) return { redis: { skipped: 'no redis-server on PATH and no REDIS_URL' }, local };
  return { redis: { url: local.url }, local };
}

/**
 * Starts what the demo needs: with `SENTRY_DSN` in `env` the real services of `env` are used;
 * without it, a loopback receiver for Sentry and Slack and SMTP stand-ins. Redis is `REDIS_URL`,
 * else a local redis-server when one is on PATH, else skipped.
 */
export async function startDemoServices(
  env: NodeJS.ProcessEnv,
  options: { redis: boolean },
): Promise<DemoServices> {
  const { redis, local } = await redisFor(env, options.redis);
  const closing: Array<() => Promise<void>> = local ? [() => local.stop()] : [];
  const close = async () => void (await Promise.all(closing.map((stop) => stop())));
  // what the scenario relies on, whatever the environment says
  const forced = {
    PORT: '0',
    SHIPPING_API_URL: `http://127.0.0.1:${await freePort()}`,
    FAULTLINE_FINGERPRINT_SERVICES: '127.0.0.1=shipping-api',
    ...('url' in redis ? { REDIS_URL: redis.url } : {}),
  };
  if (env.SENTRY_DSN) {
    const alertThreshold = Number(env.SENTRY_CRITICAL_ERROR_THRESHOLD ?? STAND_IN_THRESHOLD);
    const defaults = {
      SENTRY_TRACES_SAMPLE_RATE: '1',
      SENTRY_CRITICAL_ERROR_THRESHOLD: String(alertThreshold),
    };
    const serverEnv: NodeJS.ProcessEnv = { ...defaults, ...env, ...forced };
    if (!('url' in redis)) delete serverEnv.REDIS_URL;
    return { mode: 'real', redis, alertThreshold, env: serverEnv, close };
  }
  const standIns = await startStandIns().catch(async (error: unknown) => {
    await close();
    throw error;
  });
  const { receiver, slack, smtp } = standIns;
  closing.push(() => receiver.close(), slack.close, smtp.close);
  return {
    mode: 'stand-ins',
    ...standIns,
    redis,
    alertThreshold: STAND_IN_THRESHOLD,
    env: {
      ...withoutSettings(env),
      ...forced,
      SENTRY_DSN: receiver.dsn,
      SENTRY_ENVIRONMENT: 'demo',
      SENTRY_RELEASE: 'shop@1.0.0',
      SENTRY_TRACES_SAMPLE_RATE: '1',
      SENTRY_SLACK_WEBHOOK_URL: slack.url,
      SMTP_URL: smtp.url,
      SENTRY_ALERT_EMAIL_RECIPIENTS: 'oncall@example.com',
      SENTRY_ALERT_EMAIL_FROM: 'Shop alerts <alerts@example.com>',
      SENTRY_CRITICAL_ERROR_THRESHOLD: String(STAND_IN_THRESHOLD),
      SENTRY_CRITICAL_ERROR_WINDOW: '60s',
      ...('url' in redis ? { SENTRY_ALERT_REDIS_URL: redis.url } : {}),
    },
    close,
  };
}

import { type PlantedSecret, plantedSecretValues } from '@faultline/testkit';
import { EXPECTED_EVENTS, type ExpectedEvent, PLACEMENTS } from './expected.js';

/** One request of the scenario. */
export interface Step {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  expectStatus: number;
  /** Only when the app has Redis (the product cache, the `emails` queue). */
  needsRedis?: boolean;
}

/** The requests, the server's secret-bearing settings, and what must arrive. */
export interface Scenario {
  steps: Step[];
  /** Settings of the server (see src/config.ts) that carry planted secrets. */
  serverEnv: Record<string, string>;
  expected: ExpectedEvent[];
  /** Where each planted secret was put, by the secret's name. */
  placements: Record<string, string>;
}

const SLACK_HOOKS = 'https://hooks.slack.com/services/';

/** The declines of the burst: one more than the alert threshold. */
function checkoutSteps(value: Record<string, string>, count: number): Step[] {
  const cards = [value.cardVisa!, value.cardMastercard!, value.cardAmex!];
  const addresses = [value.ipv4!, value.ipv6!];
  return Array.from({ length: count }, (_, index) => ({
    name: `checkout ${index + 1}/${count}`,
    method: 'POST' as const,
    path: '/api/checkout',
    headers: {
      authorization: `Bearer ${value.bearerToken}`,
      cookie: `session=${value.sessionCookie}; theme=dark`,
      'x-forwarded-for': `${addresses[index % 2]}, 10.0.0.2`,
    },
    json: {
      orderId: `ord_${2001 + index}`,
      email: value.email,
      amountCents: 4_990,
      card: { number: cards[index % 3], cvv: value.cvv },
    },
    expectStatus: 402,
  }));
}

/**
 * The scenario: requests that carry every planted secret and trigger every grouping rule, then a
 * burst of declined payments that crosses the alert threshold (`burstSize` = threshold + 1).
 */
export function buildScenario(secrets: readonly PlantedSecret[], burstSize: number): Scenario {
  const value = plantedSecretValues(secrets);
  const steps: Step[] = [
    {
      name: 'order (duplicate id)',
      method: 'POST',
      path: '/api/orders',
      headers: { 'x-access-token': value.accessToken!, cookie: `session=${value.sessionCookie}` },
      json: {
        id: 'ord_1001',
        sku: 'GRINDER-01',
        quantity: 2,
        statusWebhook: `${SLACK_HOOKS}${value.slackWebhookUrl}`,
      },
      expectStatus: 500,
    },
    {
      name: 'admin reports (wrong token)',
      method: 'GET',
      path: '/api/admin/reports',
      headers: { authorization: `Bearer ${value.jwt}` },
      expectStatus: 401,
    },
    ...[1, 2, 3].map(
      (attempt): Step => ({
        name: `login attempt ${attempt}/3`,
        method: 'POST',
        path: '/api/login',
        headers: { authorization: `Basic ${value.basicAuth}` },
        form: { username: 'jane', password: value.password! },
        expectStatus: attempt < 3 ? 401 : 429,
      }),
    ),
    {
      name: 'shipping quote (carrier down)',
      method: 'GET',
      path: `/api/shipping/quote?postcode=10115&api_key=${value.apiKey}`,
      expectStatus: 200,
    },
    {
      name: 'signup (terms not accepted)',
      method: 'POST',
      path: '/api/signup',
      json: {
        email: value.email,
        password: value.password,
        ssn: value.ssn,
        payoutIban: value.iban,
        terms: 'declined',
      },
      expectStatus: 400,
    },
    ...(['miss', 'hit'] as const).map(
      (outcome): Step => ({
        name: `product 42 (cache ${outcome})`,
        method: 'GET',
        path: '/api/products/42',
        headers: { cookie: `session=${value.sessionCookie}` },
        expectStatus: 200,
        needsRedis: true,
      }),
    ),
    {
      name: 'password reset (mail job fails)',
      method: 'POST',
      path: '/api/password-reset',
      json: { email: value.email },
      expectStatus: 202,
      needsRedis: true,
    },
    ...checkoutSteps(value, burstSize),
  ];
  return {
    steps,
    serverEnv: {
      DATABASE_URL: `postgres://shop:${value.databasePassword}@db.internal:5432/shop`,
      DATABASE_SSL_ROOT_CERT: `/home/${value.homeDirectory}/.postgresql/root.crt`,
      PAYMENT_API_KEY: value.stripeKey!,
      SHIPPING_API_KEY: value.xmlApiKey!,
      AWS_ACCESS_KEY_ID: value.awsAccessKeyId!,
      AWS_SECRET_ACCESS_KEY: value.awsSecretAccessKey!,
      GITHUB_TOKEN: value.githubToken!,
      SLACK_BOT_TOKEN: value.slackToken!,
      JWT_PRIVATE_KEY: value.privateKey!,
    },
    expected: EXPECTED_EVENTS.map((event) =>
      event.type === 'PaymentDeclinedError' ? { ...event, count: burstSize } : event,
    ),
    placements: PLACEMENTS,
  };
}

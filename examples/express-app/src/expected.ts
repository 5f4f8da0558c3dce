/** An error event the scenario must produce, and how it must be grouped. */
export interface ExpectedEvent {
  label: string;
  /** The exception type. */
  type: string;
  /** The transaction it was sent in (requests). */
  transaction?: string;
  /** The queue whose job raised it (its `queue` tag): job errors carry no transaction. */
  queue?: string;
  /** The fingerprint; undefined: no rule matches and Sentry's default grouping applies. */
  fingerprint: string[] | undefined;
  /** How many; the burst's is set by the scenario (threshold + 1). */
  count: number;
  needsRedis?: boolean;
}

/** One event per grouping rule, the burst, and the failed job. */
export const EXPECTED_EVENTS: ExpectedEvent[] = [
  {
    label: 'database',
    type: 'DatabaseError',
    transaction: 'POST /api/orders',
    fingerprint: ['database', 'postgres', 'INSERT', '23505'],
    count: 1,
  },
  {
    label: 'auth',
    type: 'UnauthorizedError',
    transaction: 'GET /api/admin/reports',
    fingerprint: ['auth', 'UnauthorizedError', 'checkAdminToken'],
    count: 1,
  },
  {
    label: 'rate-limit',
    type: 'RateLimitError',
    transaction: 'POST /api/login',
    fingerprint: ['rate-limit', 'POST /api/login'],
    count: 1,
  },
  {
    label: 'external-service',
    type: 'TypeError',
    transaction: 'GET /api/shipping/quote',
    fingerprint: ['external-service', 'shipping-api', 'ECONNREFUSED'],
    count: 1,
  },
  {
    label: 'validation',
    type: 'ValidationError',
    transaction: 'POST /api/signup',
    fingerprint: ['validation', 'ValidationError', 'validateSignup'],
    count: 1,
  },
  {
    label: 'burst',
    type: 'PaymentDeclinedError',
    transaction: 'POST /api/checkout',
    fingerprint: undefined,
    count: 0,
  },
  {
    label: 'failed job',
    type: 'Error',
    queue: 'emails',
    fingerprint: undefined,
    count: 1,
    needsRedis: true,
  },
];

/** Where each planted secret travels, for the report. */
export const PLACEMENTS: Record<string, string> = {
  password: 'login form, signup JSON, breadcrumb, SQL of a db span',
  apiKey: 'query string (?api_key=)',
  accessToken: 'X-Access-Token header',
  awsSecretAccessKey: 'settings context',
  xmlApiKey: 'SOAP body in a breadcrumb',
  sessionCookie: 'Cookie header',
  bearerToken: 'Authorization: Bearer header',
  basicAuth: 'Authorization: Basic header',
  jwt: 'Authorization header (admin)',
  awsAccessKeyId: 'settings context',
  stripeKey: 'span attribute, settings context',
  githubToken: 'settings context',
  slackToken: 'settings context',
  slackWebhookUrl: 'order JSON body',
  privateKey: 'settings context (PEM)',
  databasePassword: 'database URL in a context',
  email: 'bodies, exception message, user, tag, log, job data',
  cardVisa: 'checkout JSON, exception message, log',
  cardMastercard: 'checkout JSON, exception message, log',
  cardAmex: 'checkout JSON, exception message, log',
  cvv: 'checkout JSON (card.cvv)',
  ssn: 'signup JSON',
  iban: 'signup JSON',
  ipv4: 'X-Forwarded-For, user IP',
  ipv6: 'X-Forwarded-For, user IP',
  homeDirectory: 'certificate path in a context',
};

/** The route-named transactions the scenario must produce (and the job's). */
export const ROUTES: ReadonlyArray<{ name: string; needsRedis?: boolean }> = [
  { name: 'POST /api/orders' },
  { name: 'GET /api/admin/reports' },
  { name: 'POST /api/login' },
  { name: 'GET /api/shipping/quote' },
  { name: 'POST /api/signup' },
  { name: 'POST /api/checkout' },
  { name: 'GET /api/products/:id', needsRedis: true },
  { name: 'POST /api/password-reset', needsRedis: true },
  { name: 'process emails', needsRedis: true },
];

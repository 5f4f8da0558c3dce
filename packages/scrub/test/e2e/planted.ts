/**
 * The secrets app.mjs plants, and the ordinary values that must still arrive. Shared by the app
 * and the tests. Every secret is unique enough that finding it on the wire can only mean a leak.
 */

/** Planted by the core scenario: one path per entry, named after where it is planted. */
export const SECRETS: Record<string, string> = {
  'exception message: card': '4111 1111 1111 1111',
  'exception message: email': 'jane.doe@example.com',
  'setUser: email': 'ops.lead@example.org',
  'setUser: ip_address': '203.0.113.77',
  'breadcrumb message: password=': 'hunter2-Correct-Horse',
  'breadcrumb data: token': 'tok_9f8e7d6c5b4a3210ffee',
  'setContext: postgres URL password': 'Pg-Sup3r-S3cret',
  'setExtra JSON string: SSN': '536-22-4179',
  'setExtra JSON string: IBAN': 'DE89370400440532013000',
  'setTag: session_token': 'st-0a1b2c3d4e5f6a7b8c9d',
  'log message: card': '5555 5555 5555 4444',
  'log attribute: api_key': 'ak-8c1f0e2d3b4a59687766',
  'log template parameter: email': 'param.user@example.net',
  'span attribute: bearer token': 'ZXhhbXBsZS1iZWFyZXItdG9rZW4tMDAx',
  'span attribute: url api_key': 'QK7wz2Lm9Pq4Rt6Yv8Xb',
  'span attribute: db.query.text password': 'Tr0ub4dor-3x-db',
  'captureMessage: Slack webhook path': 'T0A1B2C3D/B9F8E7D6C/q1w2e3r4t5y6u7i8o9p0asdf',
  'beforeSend adds: Stripe key': 'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
  'http request: Authorization header': 'aGVhZGVyLWJlYXJlci10b2tlbi0wMDI',
  'http request: Cookie session': 'sess-77aa88bb99cc00dd11ee',
  'http request: Cookie contact email': 'cookie.user@example.com',
  'http request: header x-card-on-file': '4012 8888 8888 1881',
  'http request: query api_key': 'qk-5f4e3d2c1b0a99887766',
  'http request: query email': 'query.user@example.com',
  'http request: JSON body password': 'B0dy-Passw0rd-!42',
  'console.warn argument: db password': 'C0nsole-Db-Pa55word',
};

/** Planted by the extra scenario: data the SDK adds to logs and metrics outside the hooks the integration uses. */
export const EXTRA_SECRETS: Record<string, string> = {
  'scope attribute on a log: api_token': 'sat-1f2e3d4c5b6a79880011',
  'metric attribute: card': '3782 822463 10005',
  'setUser without id: email (metrics, session did)': 'no-id.user@example.com',
};

/** Ordinary data that must survive scrubbing. */
export const KEPT = {
  errorType: 'PaymentDeclinedError',
  userId: 'user-4711',
  tag: 'eu-west-1',
  rootSpan: 'checkout.charge',
  childSpan: 'orders.lookup',
  logOrderId: 'ord_1234',
  message: 'nightly export finished',
} as const;

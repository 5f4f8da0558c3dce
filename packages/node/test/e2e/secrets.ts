// Secrets the scenario plants besides testkit's plantedSecrets(), shared by the app and the tests.

/** Added by the user's own Sentry callbacks in instrument.mjs. */
export const CALLBACK_SECRETS = {
  beforeSend: 'sk_live_9aB8cD7eF6gH5iJ4kL3mN2oP',
  beforeSendLog: 'ak-51f0e2d3b4a59687766c',
  beforeSendSpan: 'Sp4n-Callb4ck-Pa55word',
  beforeBreadcrumb: 'tok_0c1d2e3f4a5b6c7d8e9f',
};

/** Planted through ErrorTracker and the Sentry API by scenario.mjs. */
export const API_SECRETS = {
  'setUser email': 'tracker.user@example.com',
  'setUser ip_address': '198.51.100.23',
  'capture user email': 'capture.user@example.org',
  'breadcrumb password': 'Br3adcrumb-Pa55-w0rd',
  'context postgres password': 'Ctx-Pg-S3cr3t-77',
  'tag session_token': 'st-9e8d7c6b5a4f3e2d1c0b',
  'span attribute token': 'eyJzcGFuIjoidG9rZW4ifQ.c3Bhbi1zZWNyZXQ.c2lnbmF0dXJlLXgx',
  'log email': 'log.person@example.net',
};

/** Ordinary data that must arrive. */
export const KEPT = {
  userId: 'user-4711',
  username: 'jane',
  tag: 'eu-west-1',
  span: 'orders.lookup',
  logText: 'order ord_1234 shipped',
  contextField: 'ord_1234',
};

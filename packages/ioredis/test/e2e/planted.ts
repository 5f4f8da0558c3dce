/**
 * Values app.mjs writes to Redis that must never reach Sentry: each is a command argument in a
 * value position (or an EVAL/FCALL/AUTH argument), so the sanitizer replaces it with `?`.
 */
export const SECRETS = {
  'SET value': 'sess_9f2c41d7e8b64a0f_SECRET_SESSION',
  'SETEX value': 'setex-value-4c1e2f3a-SECRET',
  'HSET value': 'jane.doe+redis@example.com',
  'EVAL script': "return redis.call('GET', KEYS[1]) -- sk_live_51EvalScriptSecret",
  'EVAL argument': 'ghp_EvalArgumentSecret1234567890abcd',
  'FCALL argument': 'fcall-argument-secret-7d3a91',
  'AUTH password': 'auth-password-secret-b7c2e9',
  'PIPELINE value': 'pipeline-value-secret-02e6f1',
  'MULTI value': 'multi-value-secret-5a8d44',
  'PUBLISH message': 'publish-message-secret-c93b10',
  'URL password': 'url-password-secret-61fa0e',
} as const;

/** The cache prefix the app configures, and the sizes it writes. */
export const CACHE = {
  prefix: 'session:',
  setexBytes: Buffer.byteLength(SECRETS['SETEX value']),
  setBytes: Buffer.byteLength(SECRETS['SET value']),
  ttl: 60,
  setexTtl: 30,
} as const;

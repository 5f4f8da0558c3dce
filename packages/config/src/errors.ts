import type { ConfigIssue } from './types.js';

function describeIssues(issues: readonly ConfigIssue[]): string {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  return [
    `Invalid Faultline configuration (${count}):`,
    ...issues.map(({ key, message }) => `${key}: ${message}`),
  ].join('\n');
}

/**
 * Thrown by `loadConfig` with every problem of the environment at once. `issues` names each
 * variable and says what is wrong; the message lists them one per line:
 *
 * ```text
 * Invalid Faultline configuration (1 problem):
 * SENTRY_TRACES_SAMPLE_RATE: must be a number from 0 to 1, got "1.5". Example: 0.1
 * ```
 *
 * Secret values (DSN, webhook URL, SMTP and Redis URLs, keys) appear only redacted.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** Every problem, in the order of the variables in the docs. */
  readonly issues: ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(describeIssues(issues));
    this.issues = issues.map((issue) => ({ ...issue }));
  }
}

import { VARIABLES } from './schema.js';
import type { ConfigIssue } from './types.js';

/** How one variable resolved: its parsed value and where that value came from. */
export interface Resolved {
  /** `set`: from the variable itself; `default`: its default; `unset`: no value; `invalid`: already reported. */
  state: 'set' | 'default' | 'unset' | 'invalid';
  value: unknown;
  /** For a derived default, the variable it came from. */
  from?: string | undefined;
}

type Name = (typeof VARIABLES)[number]['name'];

function exampleOf(name: Name): string {
  return VARIABLES.find((definition) => definition.name === name)!.example;
}

/** Why a channel is on: set explicitly, or turned on by another variable being set. */
function reasonOn(flag: Name, resolved: Resolved): string {
  return resolved.state === 'set'
    ? `${flag}=true`
    : `${resolved.from} is set; set ${flag}=false to turn them off`;
}

function isMissing(resolved: Resolved): boolean {
  if (resolved.state === 'invalid') return false;
  return resolved.value === undefined || (Array.isArray(resolved.value) && resolved.value.length === 0);
}

/**
 * The rules between variables: an enabled alert channel needs its destination. A variable that
 * is invalid on its own is not reported again here.
 */
export function checkRules(values: ReadonlyMap<Name, Resolved>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const require = (flag: Name, what: string, needed: readonly Name[]): void => {
    const enabled = values.get(flag)!;
    if (enabled.state === 'invalid' || enabled.value !== true) return;
    for (const name of needed)
      if (isMissing(values.get(name)!))
        issues.push({
          key: name,
          message: `must be set because ${what} are on (${reasonOn(flag, enabled)}). Example: ${exampleOf(name)}`,
        });
  };
  require('SENTRY_EMAIL_ALERTS_ENABLED', 'email alerts', ['SMTP_URL', 'SENTRY_ALERT_EMAIL_RECIPIENTS']);
  require('SENTRY_SLACK_ALERTS_ENABLED', 'Slack alerts', ['SENTRY_SLACK_WEBHOOK_URL']);
  return issues;
}

import { VARIABLES } from './schema.js';
import type { ConfigIssue, Env } from './types.js';

const PREFIX = 'FAULTLINE_';
const KNOWN: readonly string[] = VARIABLES.map((definition) => definition.name).filter((name) =>
  name.startsWith(PREFIX),
);

/** Edit distance of `a` and `b`, or `limit + 1` once it is certain to exceed `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    if (Math.min(...current) > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Every `FAULTLINE_*` variable that is set but not a Faultline setting: a typo such as
 * `FAULTLINE_SCRUB_ENABLE=false` would otherwise be ignored without a word. The value is never shown.
 */
export function unknownVariables(env: Env): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const name of Object.keys(env)) {
    const value = env[name];
    if (!name.startsWith(PREFIX) || KNOWN.includes(name) || typeof value !== 'string' || value.trim() === '')
      continue;
    const closest = KNOWN.map((known) => ({ known, cost: distance(name, known, 4) }))
      .filter(({ cost }) => cost <= 4)
      .sort((a, b) => a.cost - b.cost)[0];
    const hint = closest ? `did you mean ${closest.known}?` : `known ones: ${KNOWN.join(', ')}`;
    issues.push({ key: name, message: `is not a Faultline setting; ${hint}` });
  }
  return issues.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

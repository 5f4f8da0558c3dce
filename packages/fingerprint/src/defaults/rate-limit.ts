import { readString } from '../facts.js';
import { endpointOf } from '../route.js';
import type { CompiledRule, Verdict } from '../rule.js';
import { noMatch } from '../rule.js';

const RATE_LIMIT_TYPES = /(TooManyRequests|RateLimit|Throttl)/i;

/** Rate-limit errors, grouped by the endpoint's route template, never by the raw path. */
export const rateLimitRule: CompiledRule = {
  name: 'rate-limit',
  evaluate(facts): Verdict {
    const type = facts.type ?? '';
    if (facts.statusCode !== 429 && !RATE_LIMIT_TYPES.test(type))
      return noMatch(`status is not 429 and type "${type}" is not a rate-limit error`);
    const request = facts.event.request;
    const endpoint =
      endpointOf(facts.transaction, request?.method, request?.url) ??
      endpointOf(undefined, readString(facts.original, 'method'), readString(facts.original, 'url')) ??
      '<unknown endpoint>';
    return {
      matched: true,
      fingerprint: ['rate-limit', endpoint],
      reason: `${facts.statusCode === 429 ? 'status 429' : `type "${type}"`} is a rate limit, on ${endpoint}`,
    };
  },
};

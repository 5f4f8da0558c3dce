import { type Client, getActiveSpan, getClient, spanIsSampled } from '@sentry/core';
import type { ResolvedOptions } from './options.js';
import type { OutageTracker } from './outage.js';
import { clientWithRedisIntegration } from './sentry-redis.js';
import type { RedisTarget } from './target.js';

/** What one instrumented client keeps. */
export interface ClientState {
  readonly options: ResolvedOptions;
  readonly target: RedisTarget;
  readonly outage: OutageTracker;
  readonly isCluster: boolean;
  /** The database index, updated by a successful `SELECT`. */
  db: number;
  /** Sentry clients whose own Redis integration was seen tracing this ioredis client. */
  readonly coveredBy: WeakSet<Client>;
  /** Looks at the failure of a command that got neither span nor breadcrumb (one function per client). */
  readonly onQuietFailure: (error: unknown) => void;
}

/** What to record for one command or batch. */
export interface Plan {
  /** `start`: make a span; `probe`: make one unless Sentry's integration makes its own; `none`. */
  readonly span: 'start' | 'probe' | 'none';
  readonly breadcrumb: boolean;
  /** The Sentry client to probe with. */
  readonly client?: Client;
}

/** The plan of a command sent outside any span: watched for outages only. */
export const QUIET: Plan = { span: 'none', breadcrumb: false };

/** Decides, from the active span, the options and Sentry's own Redis integration, what to record. */
export function planFor(state: ClientState): Plan {
  const { options } = state;
  const parent = getActiveSpan();
  // the common case, cheapest first: no span, nothing asked for outside spans
  if (parent === undefined && !options.rootSpans && options.breadcrumbs !== 'always') return QUIET;
  if (getClient() === undefined) return QUIET;
  // an unsampled parent (or Sentry's non-recording connect span) makes no span: nothing to record
  const traced = parent === undefined ? options.rootSpans : spanIsSampled(parent);
  const breadcrumb = options.breadcrumbs === 'always' || (options.breadcrumbs === 'with-spans' && traced);
  if (!traced || options.spans === 'never') return breadcrumb ? { span: 'none', breadcrumb } : QUIET;
  if (options.spans === 'always') return { span: 'start', breadcrumb };
  const client = clientWithRedisIntegration();
  if (client === undefined) return { span: 'start', breadcrumb };
  // A cluster sends through its node clients later: Sentry's spans cannot be seen while sending.
  if (state.isCluster || state.coveredBy.has(client)) return { span: 'none', breadcrumb };
  return { span: 'probe', breadcrumb, client };
}

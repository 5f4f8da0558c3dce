import type { Breadcrumb, Event, Log, SpanJSON, StreamedSpanJSON } from '@sentry/core';
import { Engine } from './engine.js';
import { minimalEvent, minimalSpan } from './fallbacks.js';
import { resolveOptions } from './options.js';
import type { ScrubOptions, Scrubber } from './types.js';

/**
 * Creates a scrubber. Options are validated here, once: a bad option throws a
 * `ScrubOptionsError` naming it. The scrubber's methods never throw; see the README for what
 * each returns when scrubbing fails.
 */
export function createScrubber(options?: ScrubOptions): Scrubber {
  const resolved = resolveOptions(options);
  const engine = new Engine(resolved);
  const { replacement, pseudonymize } = resolved;

  /** `user.email` and `user.ip_address` go whatever they contain; `user.id` stays, or becomes a pseudonym. */
  const scrubUser = (user: unknown): void => {
    if (typeof user !== 'object' || user === null) return;
    const fields = user as Record<string, unknown>;
    const email = typeof fields.email === 'string' && fields.email !== '' ? fields.email : undefined;
    const ip = typeof fields.ip_address === 'string' && fields.ip_address !== '' ? fields.ip_address : undefined;
    if (pseudonymize && (fields.id === undefined || fields.id === null) && (email ?? ip))
      fields.id = pseudonymize((email ?? ip) as string);
    if (email !== undefined) fields.email = engine.redact('user.email');
    if (fields.ip_address !== undefined && fields.ip_address !== null) {
      engine.redact('user.ip_address');
      fields.ip_address = null; // Relay validates this field as an IP address; null says "none, do not infer"
    }
  };

  const walk = <T>(root: string, value: T): T =>
    engine.run(root === '' ? [] : [root], () => {
      if (typeof value === 'object' && value !== null && 'user' in value) scrubUser(value.user);
      return engine.value(value, false, 0) as T;
    });

  return {
    scrubEvent<T extends Event>(event: T): T | null {
      try {
        return walk('', event);
      } catch {
        if (resolved.onFailure === 'drop' || event?.type === 'transaction') return null;
        return minimalEvent(event) as T;
      }
    },
    scrubBreadcrumb(breadcrumb: Breadcrumb): Breadcrumb | null {
      try {
        return walk('', breadcrumb);
      } catch {
        return null;
      }
    },
    scrubSpan<T extends SpanJSON | StreamedSpanJSON>(span: T): T {
      try {
        return walk('', span);
      } catch {
        return minimalSpan(span, replacement);
      }
    },
    scrubLog(log: Log): Log | null {
      try {
        return walk('', log);
      } catch {
        return null;
      }
    },
    scrubValue<T>(value: T): T {
      try {
        return walk('', value);
      } catch {
        return replacement as T;
      }
    },
    scrubString(text: string): string {
      try {
        return engine.run([], () => (typeof text === 'string' ? engine.text(text) : String(engine.value(text, false, 0))));
      } catch {
        return replacement;
      }
    },
  };
}

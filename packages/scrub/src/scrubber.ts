import type { Breadcrumb, Event, Log, SpanJSON, StreamedSpanJSON } from '@sentry/core';
import { Engine } from './engine.js';
import { minimalEvent, minimalSpan } from './fallbacks.js';
import { resolveOptions } from './options.js';
import type { Scrubber, ScrubOptions } from './types.js';

/** Fields the SDK keeps for itself and never sends, except the trace context of the envelope header. */
const SDK_PRIVATE = 'sdkProcessingMetadata';

/**
 * Creates a scrubber. Options are validated here, once: a bad option throws a
 * `ScrubOptionsError` naming it. The scrubber's methods never throw; see the README for what
 * each returns when scrubbing fails.
 */
export function createScrubber(options?: ScrubOptions): Scrubber {
  const resolved = resolveOptions(options);
  const engine = new Engine(resolved);
  const { replacement, pseudonymize } = resolved;

  /**
   * `user.email` and `user.ip_address` go whatever they contain; `user.id` stays, or becomes a
   * pseudonym. Returns a copy for the walk to scrub further; the application's object is untouched.
   */
  const withoutContact = (user: Record<string, unknown>): Record<string, unknown> => {
    const copy = { ...user };
    const email = typeof user.email === 'string' && user.email !== '' ? user.email : undefined;
    const ip = typeof user.ip_address === 'string' && user.ip_address !== '' ? user.ip_address : undefined;
    if (pseudonymize && (user.id === undefined || user.id === null) && (email ?? ip))
      copy.id = pseudonymize((email ?? ip) as string);
    if (email !== undefined) copy.email = engine.redactField(['user', 'email'], 'user.email');
    if (user.ip_address !== undefined && user.ip_address !== null) {
      engine.redactField(['user', 'ip_address'], 'user.ip_address');
      copy.ip_address = null; // Relay validates this field as an IP address; null says "none, do not infer"
    }
    return copy;
  };

  /**
   * Scrubs a root object (event, breadcrumb, span, log) in place: nested objects are replaced by
   * scrubbed copies, never changed, so application objects they came from stay intact.
   */
  const scrubRoot = <T extends object>(root: T): T =>
    engine.run([], () => {
      const fields = root as Record<string, unknown>;
      const privateData = fields[SDK_PRIVATE];
      const scrubbed: Record<string, unknown> = {};
      for (const key of Object.keys(fields)) {
        const current = fields[key];
        if (key === SDK_PRIVATE) continue;
        const input = key === 'user' && isRecord(current) ? withoutContact(current) : current;
        const next = engine.field(key, input);
        if (next !== current) scrubbed[key] = next;
      }
      if (isRecord(privateData) && isRecord(privateData.dynamicSamplingContext)) {
        const context = engine.field('dynamicSamplingContext', privateData.dynamicSamplingContext);
        if (context !== privateData.dynamicSamplingContext)
          scrubbed[SDK_PRIVATE] = { ...privateData, dynamicSamplingContext: context };
      }
      return assignInPlace(root, scrubbed);
    });

  const isClean = (text: string): boolean => {
    try {
      return engine.run([], () => engine.text(text)) === text;
    } catch {
      return false;
    }
  };

  return {
    scrubEvent<T extends Event>(event: T): T | null {
      try {
        return scrubRoot(event);
      } catch {
        if (resolved.onFailure === 'drop' || event?.type === 'transaction') return null;
        return minimalEvent(event, isClean) as T;
      }
    },
    scrubBreadcrumb(breadcrumb: Breadcrumb): Breadcrumb | null {
      try {
        return scrubRoot(breadcrumb);
      } catch {
        return null;
      }
    },
    scrubSpan<T extends SpanJSON | StreamedSpanJSON>(span: T): T {
      try {
        return scrubRoot(span);
      } catch {
        return minimalSpan(span, replacement);
      }
    },
    scrubLog(log: Log): Log | null {
      try {
        return scrubRoot(log);
      } catch {
        return null;
      }
    },
    scrubValue<T>(value: T): T {
      try {
        return engine.run([], () => engine.value(value, false, 0) as T);
      } catch {
        return replacement as T;
      }
    },
    scrubString(text: string): string {
      try {
        return engine.run([], () =>
          typeof text === 'string' ? engine.text(text) : String(engine.value(text, false, 0)),
        );
      } catch {
        return replacement;
      }
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Writes the changed top-level fields into `root`; a root that refuses (frozen) is returned as a copy. */
function assignInPlace<T extends object>(root: T, changes: Record<string, unknown>): T {
  try {
    Object.assign(root, changes);
    return root;
  } catch {
    return { ...root, ...changes };
  }
}

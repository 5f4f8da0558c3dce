import type { Breadcrumb, SeverityLevel, User } from '@sentry/core';
import * as Sentry from '@sentry/node';
import { activeScrubber } from './active.js';

/** What {@link ErrorTracker.captureException} can add to one event. */
export interface CaptureOptions {
  /** Data about what was going on, sent as the `details` context (scrubbed like everything else). */
  context?: Record<string, unknown>;
  /** Default `error`. */
  level?: SeverityLevel;
  tags?: Record<string, string | number | boolean>;
  /** Your own grouping for this event; Faultline's rules keep it. */
  fingerprint?: string[];
  /** The user of this event only; email and IP are redacted like in {@link ErrorTracker.setUser}. */
  user?: TrackedUser;
}

/** A user as your app knows it. Only `id` and `username` reach Sentry as given. */
export interface TrackedUser {
  id?: string | number;
  email?: string;
  username?: string;
  ip_address?: string;
  [key: string]: unknown;
}

/** The user as the scrubber lets it through: the email and IP never enter the scope. */
function redactedUser(user: TrackedUser): User {
  const scrubber = activeScrubber();
  if (scrubber === null) return user as User;
  return scrubber.scrubEvent({ user: user as User })?.user ?? {};
}

/**
 * The helpers of the original integration, on top of `@sentry/node`. Events go through the same
 * pipeline as every other event (fingerprint, scrub, alerts). Each capture returns the event id.
 */
export const ErrorTracker = {
  /**
   * Reports an error with optional context, level, tags, fingerprint and user.
   *
   * @example
   * ErrorTracker.captureException(error, { context: { orderId }, tags: { area: 'checkout' } });
   */
  captureException(error: unknown, options: CaptureOptions = {}): string {
    const { context, level, tags, fingerprint, user } = options;
    return Sentry.captureException(error, {
      ...(context === undefined ? {} : { contexts: { details: context } }),
      ...(level === undefined ? {} : { level }),
      ...(tags === undefined ? {} : { tags }),
      ...(fingerprint === undefined ? {} : { fingerprint }),
      ...(user === undefined ? {} : { user: redactedUser(user) }),
    });
  },

  /** Reports a message. Default level `info`. */
  captureMessage(message: string, level: SeverityLevel = 'info'): string {
    return Sentry.captureMessage(message, level);
  },

  /**
   * Sets the user of every later event in this scope. The email and IP address are redacted (or
   * pseudonymized with `FAULTLINE_SCRUB_PSEUDONYM_KEY`) before they enter the scope; `null` clears it.
   */
  setUser(user: TrackedUser | null): void {
    Sentry.setUser(user === null ? null : redactedUser(user));
  },

  /** Adds a breadcrumb; it is scrubbed before it is kept. */
  addBreadcrumb(breadcrumb: Breadcrumb): void {
    Sentry.addBreadcrumb(breadcrumb);
  },

  /** Sets a named context on later events; `null` removes it. */
  setContext(name: string, data: Record<string, unknown> | null): void {
    Sentry.setContext(name, data);
  },
};

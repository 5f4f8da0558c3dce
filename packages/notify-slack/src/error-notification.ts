import { randomUUID } from 'node:crypto';
import type { Alert } from '@faultline/alerts';
import type { ErrorNotification } from './types.js';

/**
 * The alert `sendErrorNotification` posts: one group made of the error's type, message, count
 * and link, without a window or threshold. Bad input is made usable rather than refused, so the
 * helper can be called from an error handler without a second failure.
 */
export function errorNotificationAlert(input: ErrorNotification, now = Date.now()): Alert {
  const source = (input ?? {}) as Partial<ErrorNotification>;
  const errorType =
    typeof source.errorType === 'string' && source.errorType.trim() !== '' ? source.errorType : 'Error';
  const message =
    source.errorMessage === undefined || source.errorMessage === null ? '' : String(source.errorMessage);
  const count = Number(source.errorCount);
  const firstLine = message.split(/\r?\n/, 1)[0] ?? '';
  return {
    id: `error-notification-${randomUUID()}`,
    kind: 'burst',
    status: 'firing',
    threshold: 0,
    windowMs: 0,
    createdAt: now,
    groups: [
      {
        key: errorType,
        title: firstLine === '' ? errorType : `${errorType}: ${firstLine}`,
        level: 'error',
        errorType,
        message,
        count: Number.isFinite(count) && count >= 0 ? Math.floor(count) : 1,
        firstSeen: now,
        lastSeen: now,
        tags: {},
        ...(typeof source.sentryUrl === 'string' && source.sentryUrl !== ''
          ? { issueUrl: source.sentryUrl }
          : {}),
      },
    ],
  };
}

import { type AttemptFailure, classifyFailure } from './classify.js';
import type { EmailBackoff, EmailMessage, EmailTransport } from './types.js';

/**
 * One `sendMail`, abandoned after `deadlineMs` (its signal is aborted then, and the attempt counts
 * as `ETIMEDOUT`). Resolves undefined when the message was accepted, else what went wrong; never rejects.
 */
export async function attemptDelivery(
  transport: EmailTransport,
  message: Omit<EmailMessage, 'signal'>,
  deadlineMs: number,
  secrets: readonly string[],
): Promise<AttemptFailure | undefined> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = Object.assign(new Error(`no answer within ${deadlineMs} ms`), { code: 'ETIMEDOUT' });
      reject(error);
      controller.abort(error);
    }, deadlineMs);
    timer.unref();
  });
  try {
    await Promise.race([transport.sendMail({ ...message, signal: controller.signal }), deadline]);
    return undefined;
  } catch (error) {
    return classifyFailure(controller.signal.aborted ? controller.signal.reason : error, secrets);
  } finally {
    clearTimeout(timer);
  }
}

/** ` (550, EMESSAGE)`: the reply and error codes of a failure, for a message. */
export function describeCodes(failure: AttemptFailure): string {
  const codes = [failure.responseCode, failure.code].filter((code) => code !== undefined);
  return codes.length > 0 ? ` (${codes.join(', ')})` : '';
}

/** The wait before retry number `retry` (1-based): capped exponential, with the upper half jittered. */
export function backoffDelay(
  retry: number,
  backoff: EmailBackoff,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.min(retry - 1, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Waits `ms` on an unref'd timer: a pending retry never keeps the process alive on its own. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });
}

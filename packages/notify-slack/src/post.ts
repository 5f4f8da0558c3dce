import type { Clock } from './clock.js';
import { oneLine } from './text.js';
import type { SlackFetch } from './types.js';

/** How much of Slack's error text (the response body) is kept. */
export const MAX_SLACK_ERROR_LENGTH = 200;

/** The outcome of one HTTP attempt. */
export type AttemptResult =
  | { outcome: 'delivered'; status: number }
  | { outcome: 'rejected'; status: number; slackError: string }
  | { outcome: 'retry'; problem: string; status?: number; slackError?: string; retryAfter?: string | null };

/** Statuses retried: too many requests, request timeout, and server errors. */
function isTransient(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}

/**
 * Posts `body` once, aborting after `timeoutMs` (response body included). Never throws; never
 * puts the URL or an underlying error's message into what it returns.
 */
export async function postOnce(
  fetch: SlackFetch,
  url: string,
  body: string,
  timeoutMs: number,
  clock: Clock,
): Promise<AttemptResult> {
  const controller = new AbortController();
  const cancel = clock.setTimer(timeoutMs, () => controller.abort());
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body,
      signal: controller.signal,
    });
    const status = Number(response.status);
    const text = await readText(response);
    if (status >= 200 && status < 300) return { outcome: 'delivered', status };
    const slackError = oneLine(text ?? '').slice(0, MAX_SLACK_ERROR_LENGTH);
    if (!isTransient(status)) return { outcome: 'rejected', status, slackError };
    const retryAfter = status === 429 ? readHeader(response, 'retry-after') : null;
    const problem = `HTTP ${status}${slackError === '' ? '' : ` ${slackError}`}`;
    return { outcome: 'retry', problem, status, slackError, retryAfter };
  } catch (error) {
    if (controller.signal.aborted) return { outcome: 'retry', problem: `timed out after ${timeoutMs} ms` };
    return { outcome: 'retry', problem: `network error (${networkErrorCode(error)})` };
  } finally {
    cancel();
  }
}

/** The body, or undefined when it cannot be read (a 2xx whose body fails is still delivered). */
async function readText(response: { text(): Promise<string> }): Promise<string | undefined> {
  try {
    return String(await response.text());
  } catch {
    return undefined;
  }
}

function readHeader(
  response: { headers: { get(name: string): string | null } },
  name: string,
): string | null {
  try {
    return response.headers.get(name);
  } catch {
    return null;
  }
}

/**
 * A short code for a failed request (`ECONNREFUSED`, `ENOTFOUND`, `TypeError`): the error's or its
 * cause's `code`, else its name. Never its message, which may hold the URL.
 */
export function networkErrorCode(error: unknown): string {
  const candidates = [
    (error as { cause?: { code?: unknown } } | null)?.cause?.code,
    (error as { code?: unknown } | null)?.code,
    (error as { name?: unknown } | null)?.name,
  ];
  const found = candidates.find(
    (value) => typeof value === 'string' && /^[A-Za-z_][A-Za-z0-9_]{0,40}$/.test(value),
  );
  return (found as string | undefined) ?? 'unknown';
}

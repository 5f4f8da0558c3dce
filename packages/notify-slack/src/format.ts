import type { Alert, AlertGroup } from '@faultline/alerts';

const LEVEL_EMOJI: Readonly<Record<string, string>> = {
  fatal: '💥',
  critical: '💥',
  error: '🔴',
  warning: '🟠',
  warn: '🟠',
  info: '🔵',
  log: '🔵',
  debug: '⚪',
};

const LEVEL_RANK = ['debug', 'log', 'info', 'warn', 'warning', 'error', 'critical', 'fatal'];

/** The emoji shown before a group of `level` (an unknown level counts as an error). */
export function levelEmoji(level: string | undefined): string {
  return LEVEL_EMOJI[String(level).toLowerCase()] ?? LEVEL_EMOJI.error!;
}

/** The most severe level among `groups` (`error` when there is none). */
export function worstLevel(groups: readonly AlertGroup[]): string {
  let worst = -1;
  let level = 'error';
  for (const group of groups) {
    const rank = LEVEL_RANK.indexOf(String(group.level).toLowerCase());
    if (rank > worst) [worst, level] = [rank, String(group.level).toLowerCase()];
  }
  return level;
}

/** `60 s`, `5 min`, `2 h`: a window as a person reads it; `250 ms` below a second. */
export function formatWindow(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 120 || seconds % 60 !== 0) return `${trim(seconds)} s`;
  const minutes = seconds / 60;
  if (minutes < 120 || minutes % 60 !== 0) return `${trim(minutes)} min`;
  return `${trim(minutes / 60)} h`;
}

/** A fraction as a percentage: `0.025` → `2.5%`, `0.0012` → `0.12%`, `1` → `100%`. */
export function formatPercent(fraction: number): string {
  const percent = Number.isFinite(fraction) ? Math.max(0, fraction * 100) : 0;
  const text = percent >= 1 ? percent.toFixed(percent >= 10 ? 1 : 2) : percent.toPrecision(2);
  return `${Number(text)}%`;
}

function trim(value: number): string {
  return String(Number(value.toFixed(3)));
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * How much happened, in the words of the alert's kind: `12 events in 60 s`, or for an
 * error-rate alert `2.5% of 400 requests in 60 s`. No window when `windowMs` is 0.
 */
export function describeCount(group: AlertGroup, kind: Alert['kind'], windowMs: number): string {
  const window = windowMs > 0 ? ` in ${formatWindow(windowMs)}` : '';
  const count = finite(group.count);
  if (kind === 'error-rate' && group.requests !== undefined && finite(group.requests) > 0) {
    const requests = finite(group.requests);
    const rate = group.rate !== undefined && Number.isFinite(group.rate) ? group.rate : count / requests;
    return `${formatPercent(rate)} of ${plural(requests, 'request')}${window}`;
  }
  return `${plural(count, kind === 'error-rate' ? 'error' : 'event')}${window}`;
}

/** The threshold the alert crossed: `10 in 60 s`, or `1%` for an error rate. Empty when unknown. */
export function describeThreshold(alert: Alert): string {
  if (!(Number.isFinite(alert.threshold) && alert.threshold > 0)) return '';
  if (alert.kind === 'error-rate') return formatPercent(alert.threshold);
  const window = alert.windowMs > 0 ? ` in ${formatWindow(alert.windowMs)}` : '';
  return `${finite(alert.threshold)}${window}`;
}

/** A time as `2024-05-01 12:00:05 UTC`; empty for a missing or bad timestamp. */
export function formatTime(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

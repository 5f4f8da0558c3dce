import type { Breadcrumb, Event } from '@sentry/core';
import { spansOfSpanItem, spansOfTransaction } from './spans.js';
import type { EnvelopeViews, LogItem, RecordedEnvelope, RecordedItem, SpanView } from './types.js';

function itemsOf(envelopes: readonly RecordedEnvelope[]): RecordedItem[] {
  return envelopes.flatMap((envelope) => envelope.items);
}

function spansOf(item: RecordedItem): SpanView[] {
  if (item.header.type === 'transaction') return spansOfTransaction(item.payload);
  if (item.header.type === 'span') return spansOfSpanItem(item.payload);
  return [];
}

/** Breadcrumbs are sent as an array, or as `{ values: [...] }` by older SDKs. */
function breadcrumbsOf(item: RecordedItem): Breadcrumb[] {
  if (item.header.type !== 'event' && item.header.type !== 'transaction') return [];
  const crumbs = (item.payload as { breadcrumbs?: unknown } | null)?.breadcrumbs;
  if (Array.isArray(crumbs)) return crumbs;
  const values = (crumbs as { values?: unknown } | undefined)?.values;
  return Array.isArray(values) ? values : [];
}

function logsOf(payload: unknown): LogItem[] {
  const items = (payload as { items?: unknown } | null)?.items;
  return Array.isArray(items) ? items : [];
}

/**
 * The views over a list of envelopes. `envelopes` is read at each call, so views over a list that
 * is still growing see every envelope recorded so far.
 */
export function createViews(envelopes: () => readonly RecordedEnvelope[]): EnvelopeViews {
  const items = (type: string): unknown[] =>
    itemsOf(envelopes())
      .filter((item) => item.header.type === type)
      .map((item) => item.payload);
  return {
    get envelopes() {
      return envelopes();
    },
    events: () => items('event') as Event[],
    transactions: () => items('transaction') as Event[],
    spans: () => itemsOf(envelopes()).flatMap(spansOf),
    breadcrumbs: () => itemsOf(envelopes()).flatMap(breadcrumbsOf),
    logs: () => items('log').flatMap(logsOf),
    items,
  };
}

/** Views over a fixed copy of `envelopes`. */
export function snapshotViews(envelopes: readonly RecordedEnvelope[]): EnvelopeViews {
  const copy = [...envelopes];
  return createViews(() => copy);
}

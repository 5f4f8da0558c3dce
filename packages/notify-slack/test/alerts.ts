import type { Alert, AlertGroup } from '@faultline/alerts';
import { expect } from 'vitest';
import type { SlackBlock, SlackMessage, SlackText } from '../src/index.js';

let sequence = 0;

/** A group as `@faultline/alerts` builds it, with `overrides`. */
export function makeGroup(overrides: Partial<AlertGroup> = {}): AlertGroup {
  return {
    key: 'PaymentError|chargeCard',
    title: 'PaymentError: card declined for [Filtered]',
    level: 'error',
    errorType: 'PaymentError',
    message: 'card declined for [Filtered]',
    culprit: 'chargeCard',
    count: 12,
    firstSeen: Date.UTC(2024, 4, 1, 12, 0, 0),
    lastSeen: Date.UTC(2024, 4, 1, 12, 0, 58),
    tags: { route: '/pay', region: 'eu-west-1' },
    eventId: 'c0ffee0000000000c0ffee0000000000',
    issueUrl: 'https://acme.sentry.io/issues/?query=c0ffee0000000000c0ffee0000000000',
    ...overrides,
  };
}

/** A one-group burst alert with a fresh id, with `overrides`. */
export function makeAlert(overrides: Partial<Alert> = {}): Alert {
  sequence += 1;
  return {
    id: `alert-${sequence}`,
    kind: 'burst',
    status: 'firing',
    groups: [makeGroup()],
    threshold: 10,
    windowMs: 60_000,
    environment: 'production',
    release: 'checkout@1.4.2',
    service: 'checkout-api',
    createdAt: Date.UTC(2024, 4, 1, 12, 1, 0),
    ...overrides,
  };
}

/** Every text object of a message (header, section text and fields, context, buttons). */
export function textsOf(message: SlackMessage): SlackText[] {
  const texts: SlackText[] = [];
  const visit = (block: SlackBlock) => {
    if (block.type === 'header') texts.push(block.text);
    if (block.type === 'section') {
      if (block.text) texts.push(block.text);
      texts.push(...(block.fields ?? []));
      if (block.accessory) texts.push(block.accessory.text);
    }
    if (block.type === 'context') texts.push(...block.elements);
    if (block.type === 'actions') texts.push(...block.elements.map((button) => button.text));
  };
  message.blocks.forEach(visit);
  return texts;
}

/** The blocks of `message` of one type. */
export function blocksOf<T extends SlackBlock['type']>(
  message: SlackMessage,
  type: T,
): Array<Extract<SlackBlock, { type: T }>> {
  return message.blocks.filter((block): block is Extract<SlackBlock, { type: T }> => block.type === type);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Slack's limits hold for every text of the message. */
export function expectWithinLimits(message: SlackMessage): void {
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  expect(message.text.length).toBeLessThanOrEqual(3000);
  for (const block of message.blocks) {
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
    if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
    if (block.type === 'section')
      for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(2000);
    if (block.type === 'context') expect(block.elements.length).toBeLessThanOrEqual(10);
  }
  for (const text of textsOf(message)) expect(text.text).not.toMatch(LONE_SURROGATE);
}
